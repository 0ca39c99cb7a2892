package dev.gantry.api.http;

import dev.gantry.core.error.ApiException;

/**
 * One AWS wire protocol on {@code POST /}: whether a request is spoken in it, how to answer it, and how to show
 * an error in it. {@link Dispatcher} picks the endpoint per request and hands every error back to it, so a Query
 * client gets XML and a JSON client JSON, with the answering service's error definitions.
 */
sealed interface ProtocolEndpoint permits AwsJsonEndpoint, QueryEndpoint {

    /** Whether {@code request} is framed in this protocol (by its headers only; the body is not read). */
    boolean accepts(InboundRequest request);

    /** Answers a request this endpoint accepts; throws {@link ApiException} for anything the caller must fix. */
    HttpReply handle(InboundRequest request, String requestId);

    /** {@code error} as this protocol shows it, with the definitions of the service the request addresses. */
    HttpReply error(InboundRequest request, ApiException error, String requestId);
}
