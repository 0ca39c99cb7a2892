package dev.gantry.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.auth.SigV4Verifier;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.ProtocolErrors;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AWS JSON 1.0/1.1 codec on {@code POST /}: picks the service by {@code X-Amz-Target} prefix, requires an
 * AWS JSON content type, verifies SigV4 for that service's signing name, parses the body as a JSON object and
 * calls the service. Errors are {@code {"__type", "message"}} with {@code x-amzn-ErrorType}, status from the
 * service's error table backed by {@link ProtocolErrors#JSON}.
 */
final class AwsJsonEndpoint implements ProtocolEndpoint {

    private static final ObjectReader OBJECT_READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Map<String, AwsService> byPrefix;
    private final SigV4Verifier verifier;
    private final ServiceCall calls;

    AwsJsonEndpoint(List<? extends AwsService> services, SigV4Verifier verifier) {
        this(services, verifier, new ServiceCall(dev.gantry.api.auth.Authorizer.ALLOW_ALL));
    }

    AwsJsonEndpoint(List<? extends AwsService> services, SigV4Verifier verifier, ServiceCall calls) {
        this.byPrefix = services.stream()
                .filter(s -> s.binding() instanceof ServiceBinding.AwsJson)
                .collect(Collectors.toUnmodifiableMap(AwsJsonEndpoint::prefix, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("two services share X-Amz-Target prefix " + prefix(a));
                }));
        this.verifier = verifier;
        this.calls = calls;
    }

    private static String prefix(AwsService service) {
        return ((ServiceBinding.AwsJson) service.binding()).targetPrefix();
    }

    /** A request with {@code X-Amz-Target} is a JSON request, whatever its content type says. */
    @Override
    public boolean accepts(InboundRequest request) {
        return request.header("x-amz-target").isPresent();
    }

    @Override
    public HttpReply handle(InboundRequest request, String requestId) {
        String target = request.header("x-amz-target").map(String::strip).orElse("");
        if (target.isEmpty()) {
            throw new ApiException(ErrorCode.UNKNOWN_OPERATION, ErrorReplies.MISSING_TARGET);
        }
        AwsService service = service(request)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_OPERATION, ErrorReplies.unknownTarget(target)));
        checkContentType(request);
        String operation = target.substring(target.lastIndexOf('.') + 1);
        Principal principal = verifier.verify(request.toSignable(), service.signingName());
        JsonNode input = parseObject(request.body());
        JsonNode output = calls.call(service, operation, input, principal, request, requestId);
        if (output == null) {
            throw new IllegalStateException(prefix(service) + "." + operation + " returned null, not a body");
        }
        try {
            return HttpReply.of(200, replyContentType(request), Json.mapper().writeValueAsBytes(output));
        } catch (JacksonException e) {
            throw new IllegalStateException("could not serialise the " + operation + " response", e);
        }
    }

    @Override
    public HttpReply error(InboundRequest request, ApiException error, String requestId) {
        ErrorTable own = service(request).map(AwsService::errors).orElse(ErrorTable.EMPTY);
        ErrorDefinition definition = own.resolve(error.code(), ProtocolErrors.JSON);
        return ErrorReplies.json(definition, error.getMessage());
    }

    private Optional<AwsService> service(InboundRequest request) {
        String target = request.header("x-amz-target").map(String::strip).orElse("");
        int dot = target.lastIndexOf('.');
        return dot <= 0 || dot == target.length() - 1
                ? Optional.empty()
                : Optional.ofNullable(byPrefix.get(target.substring(0, dot)));
    }

    /**
     * AWS JSON requests say {@code application/x-amz-json-1.0} or {@code -1.1} (botocore, the SDKs and the CLI
     * always do); a body sent as anything else is not read as JSON, and the operation is not found for it.
     */
    static void checkContentType(InboundRequest request) {
        String type = request.header("content-type")
                .map(ct -> ct.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!type.equals(ErrorReplies.AWS_JSON_1_1) && !type.equals(ErrorReplies.AWS_JSON_1_0)) {
            throw new ApiException(ErrorCode.UNKNOWN_OPERATION, ErrorReplies.unsupportedContentType(type));
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
        return request.header("content-type")
                .filter(ct -> ct.strip().toLowerCase(Locale.ROOT).startsWith(ErrorReplies.AWS_JSON_1_0))
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
