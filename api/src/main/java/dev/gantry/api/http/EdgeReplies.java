package dev.gantry.api.http;

import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.Fault;
import dev.gantry.api.protocol.ProtocolErrors;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.query.QueryXml;
import dev.gantry.core.error.ErrorKind;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * The errors the HTTP edge answers before any protocol endpoint has the request (413 for an oversized body, 400
 * for malformed HTTP, 400 RequestTimeout for a request that stopped arriving), rendered from what the request's
 * head says so far: a form-encoded request without {@code X-Amz-Target} gets the AWS Query XML
 * {@code ErrorResponse} ({@link ProtocolErrors#QUERY} names, {@link QueryXml}), anything else (or no head yet)
 * AWS JSON ({@link ErrorReplies}). The status is the edge's own; the code is the protocol's name for the kind.
 */
final class EdgeReplies {

    private EdgeReplies() {}

    /** The same test as {@link QueryEndpoint#accepts}, on the head as far as it was read. */
    static boolean framedAsQuery(HttpHeaders head) {
        return !head.contains("x-amz-target")
                && Optional.ofNullable(head.get(HttpHeaderNames.CONTENT_TYPE))
                        .map(ct -> ct.strip().toLowerCase(Locale.ROOT).startsWith(QueryEndpoint.FORM))
                        .orElse(false);
    }

    /** The error reply, stamped with a new request id (which the Query body names too). */
    static HttpReply reply(Dispatcher dispatcher, HttpHeaders head, ErrorKind kind, int status, String message) {
        String requestId = dispatcher.newRequestId();
        return dispatcher.stamp(render(framedAsQuery(head), kind, status, message, requestId), requestId);
    }

    static HttpReply render(boolean query, ErrorKind kind, int status, String message, String requestId) {
        if (!query) {
            return ErrorReplies.of(kind, status, message);
        }
        ErrorDefinition named = ProtocolErrors.QUERY.resolve(kind, ErrorTable.EMPTY);
        ErrorDefinition definition =
                new ErrorDefinition(named.code(), status, status >= 500 ? Fault.RECEIVER : Fault.SENDER);
        byte[] body = QueryXml.error(QueryDialect.QUERY, Optional.empty(), definition, message, requestId);
        return HttpReply.of(status, QueryXml.CONTENT_TYPE, body);
    }
}
