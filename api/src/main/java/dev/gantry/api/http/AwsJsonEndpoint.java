package dev.gantry.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.auth.SigV4Verifier;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /} for the AWS JSON protocols: picks the service by {@code X-Amz-Target} prefix, verifies SigV4 for
 * that service's signing name, parses the body as a JSON object and calls the service. Errors are thrown as
 * {@link ApiException}; {@link Dispatcher} renders them.
 */
final class AwsJsonEndpoint {

    private static final ObjectReader OBJECT_READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Map<String, AwsJsonService> byPrefix;
    private final SigV4Verifier verifier;

    AwsJsonEndpoint(List<AwsJsonService> services, SigV4Verifier verifier) {
        this.byPrefix = services.stream().collect(Collectors.toUnmodifiableMap(AwsJsonService::targetPrefix,
                Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two services share X-Amz-Target prefix " + a.targetPrefix());
                }));
        this.verifier = verifier;
    }

    HttpReply handle(InboundRequest request, String requestId) {
        String target = request.header("x-amz-target").map(String::strip).orElse("");
        if (target.isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_OPERATION, ErrorReplies.MISSING_TARGET);
        }
        int dot = target.lastIndexOf('.');
        AwsJsonService service = dot <= 0 || dot == target.length() - 1 ? null : byPrefix.get(target.substring(0, dot));
        if (service == null) {
            throw new ApiException(ErrorCode.UNKNOWN_OPERATION, ErrorReplies.unknownTarget(target));
        }
        String operation = target.substring(dot + 1);
        Principal principal = verifier.verify(request.toSignable(), service.signingName());
        JsonNode input = parseObject(request.body());
        RequestContext context = new RequestContext(
                requestId, principal.accessKeyId(), principal.principalArn(), request.receivedAt());
        JsonNode output = service.handle(operation, input, context);
        if (output == null) {
            throw new IllegalStateException(service.targetPrefix() + "." + operation + " returned null, not a body");
        }
        try {
            return HttpReply.of(200, replyContentType(request), Json.mapper().writeValueAsBytes(output));
        } catch (JacksonException e) {
            throw new IllegalStateException("could not serialise the " + operation + " response", e);
        }
    }

    /** Empty body means no input members ({@code {}}); anything else must be exactly one JSON object. */
    static JsonNode parseObject(byte[] body) {
        if (isBlank(body)) {
            return Json.mapper().createObjectNode();
        }
        JsonNode node;
        try {
            node = OBJECT_READER.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.SERIALIZATION, ErrorReplies.invalidJson(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory body cannot fail", e);
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(ErrorCode.SERIALIZATION, ErrorReplies.NOT_AN_OBJECT);
        }
        return node;
    }

    /** Answers JSON 1.0 clients (SQS, CloudWatch) in 1.0 and everyone else in 1.1. */
    private static String replyContentType(InboundRequest request) {
        return request.header("content-type").filter(ct -> ct.startsWith(ErrorReplies.AWS_JSON_1_0))
                .map(ct -> ErrorReplies.AWS_JSON_1_0)
                .orElse(ErrorReplies.AWS_JSON_1_1);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
