package dev.gantry.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.error.ErrorKind;

/**
 * The one place an error becomes AWS's JSON error shape: {@code {"__type": <name>, "message": <text>}} with the
 * name repeated in {@code x-amzn-ErrorType}. Also holds the HTTP edge's message constants. (The Query protocols'
 * XML errors are {@link dev.gantry.api.query.QueryXml}'s.)
 */
final class ErrorReplies {

    static final String AWS_JSON_1_1 = "application/x-amz-json-1.1";
    static final String AWS_JSON_1_0 = "application/x-amz-json-1.0";
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    static final String MISSING_TARGET = "Missing X-Amz-Target header: expected '<TargetPrefix>.<Operation>'.";
    static final String NOT_AN_OBJECT = "Start of structure or map expected: the request body must be a JSON object.";
    static final String MALFORMED_HTTP = "The request could not be parsed as HTTP/1.1.";

    private ErrorReplies() {}

    static String unknownTarget(String target) {
        return "No service handles X-Amz-Target '" + target + "'.";
    }

    /**
     * Where the JSON went wrong, in JSON terms: the parser's own message names Java types and settings for some
     * failures (trailing data, nesting limits), so only its location is kept.
     */
    static String invalidJson(com.fasterxml.jackson.core.JacksonException e) {
        String raw = String.valueOf(e.getOriginalMessage());
        String what = raw.contains("Trailing token") || raw.contains("TRAILING_TOKENS")
                ? "unexpected data after the request object"
                : raw.contains("nesting depth")
                        ? "the request nests objects or lists too deeply"
                        : raw.contains("Unexpected end-of-input")
                                ? "the body ends before the JSON is complete"
                                : "the body is not valid JSON";
        var at = e.getLocation();
        return "Malformed JSON in request body: " + what
                + (at != null && at.getLineNr() > 0
                        ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
                        : "")
                + ".";
    }

    static String unsupportedContentType(String type) {
        return "Content-Type '" + type + "' is not an AWS JSON protocol type: send the JSON body as " + AWS_JSON_1_1
                + " (or " + AWS_JSON_1_0 + "), as the AWS SDKs and CLI do.";
    }

    static String noRoute(String method, String path) {
        return "No route for " + method + " " + path + ".";
    }

    static String tooLarge(int max) {
        return "Request body is larger than the maximum of " + max + " bytes.";
    }

    static String internalFailure(String requestId) {
        return "The request processing has failed because of an unknown error (request id " + requestId + ").";
    }

    /** The reply for an error as the answering service defines it. */
    static HttpReply json(ErrorDefinition definition, String message) {
        return json(definition.code(), definition.httpStatus(), message);
    }

    /** The reply for a named error with an explicit status (e.g. 404 or 413 where AWS's code says 400). */
    static HttpReply of(ErrorKind code, int status, String message) {
        return json(code.wireName(), status, message);
    }

    private static HttpReply json(String code, int status, String message) {
        ObjectNode body =
                Json.mapper().createObjectNode().put("__type", code).put("message", message == null ? "" : message);
        try {
            return HttpReply.of(status, AWS_JSON_1_1, Json.mapper().writeValueAsBytes(body))
                    .withHeader(ERROR_TYPE_HEADER, code);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode of two strings always serialises", e);
        }
    }

    /** The reply for a bug: no detail beyond the request id, so nothing internal leaks to the client. */
    static HttpReply internal(String requestId) {
        return of(ErrorCode.INTERNAL_FAILURE, 500, internalFailure(requestId));
    }
}
