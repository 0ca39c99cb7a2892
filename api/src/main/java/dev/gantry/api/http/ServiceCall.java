package dev.gantry.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.auth.AccessCheck;
import dev.gantry.api.auth.Authorizer;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.RequestContext;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one place an authenticated request becomes a service call, for every protocol: authorize the IAM action
 * ({@code <iamPrefix>:<Operation>}) on what the service says the call targets, with the request's global condition
 * keys, then call the handler. Both codecs ({@link AwsJsonEndpoint}, {@link QueryEndpoint}) come through here, so a
 * service added later is covered without code of its own (docs/adr/0014-authorization-in-one-place.md).
 */
final class ServiceCall {

    private final Authorizer authorizer;

    ServiceCall(Authorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    JsonNode call(
            AwsService service,
            String operation,
            JsonNode input,
            Principal principal,
            InboundRequest request,
            String requestId) {
        if (!service.alwaysAllowed(operation)) {
            AccessTarget target = service.accessTarget(operation, input, principal.principalArn());
            Map<String, List<String>> keys = new LinkedHashMap<>(globalKeys(request));
            keys.putAll(target.conditionKeys());
            authorizer.authorize(new AccessCheck(
                    principal.accessKeyId(),
                    principal.principalArn(),
                    service.iamPrefix() + ":" + operation,
                    target.resources(),
                    keys));
            for (AccessTarget.Implied also : target.implied()) {
                Map<String, List<String>> alsoKeys = new LinkedHashMap<>(globalKeys(request));
                alsoKeys.putAll(also.conditionKeys());
                authorizer.authorize(new AccessCheck(
                        principal.accessKeyId(),
                        principal.principalArn(),
                        also.action(),
                        List.of(also.resource()),
                        alsoKeys));
            }
        }
        RequestContext context =
                new RequestContext(requestId, principal.accessKeyId(), principal.principalArn(), request.receivedAt());
        return service.handle(operation, input, context);
    }

    /** The keys the transport knows: the TCP peer, plain HTTP, the time the request arrived. */
    static Map<String, List<String>> globalKeys(InboundRequest request) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (!request.sourceIp().isEmpty()) {
            keys.put("aws:SourceIp", List.of(request.sourceIp()));
        }
        keys.put("aws:SecureTransport", List.of("false"));
        keys.put("aws:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(request.receivedAt())));
        keys.put("aws:EpochTime", List.of(Long.toString(request.receivedAt().getEpochSecond())));
        return keys;
    }
}
