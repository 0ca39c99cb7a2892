package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.core.servicediscovery.CloudMapIds;

/**
 * What a Cloud Map call acts on, for IAM ({@code servicediscovery:<Action>}): the namespace's ARN for the calls on a
 * namespace (and CreateService, which creates in one), the service's ARN for the calls on a service or its
 * instances, the ResourceARN for the tag calls; {@code *} for the Create*Namespace, List*, GetOperation and
 * Discover* calls, as IAM's "Actions, resources and condition keys for AWS Cloud Map" table says.
 */
final class CloudMapAccess {
    private final java.util.function.Supplier<CloudMapIds> idSource;

    CloudMapAccess(java.util.function.Supplier<CloudMapIds> ids) {
        this.idSource = ids;
    }

    AccessTarget of(String operation, JsonNode input) {
        return switch (operation) {
            case "GetNamespace",
                    "DeleteNamespace",
                    "UpdatePrivateDnsNamespace",
                    "UpdatePublicDnsNamespace",
                    "UpdateHttpNamespace" -> arn(input, "Id", true);
            case "CreateService" -> createService(input);
            case "GetService", "UpdateService", "DeleteService" -> arn(input, "Id", false);
            case "RegisterInstance",
                    "DeregisterInstance",
                    "GetInstance",
                    "ListInstances",
                    "GetInstancesHealthStatus",
                    "UpdateInstanceCustomHealthStatus" -> arn(input, "ServiceId", false);
            case "TagResource", "UntagResource", "ListTagsForResource" ->
                text(input, "ResourceARN").map(AccessTarget::of).orElse(AccessTarget.ANY);
            default -> AccessTarget.ANY;
        };
    }

    private AccessTarget createService(JsonNode input) {
        java.util.Optional<String> ns = text(input, "NamespaceId");
        if (ns.isEmpty() && input != null && input.get("DnsConfig") != null) {
            ns = text(input.get("DnsConfig"), "NamespaceId");
        }
        return ns.map(v -> AccessTarget.of(
                        v.startsWith("arn:") ? v : idSource.get().namespaceArn(CloudMapIds.idOf(v))))
                .orElse(AccessTarget.ANY);
    }

    private AccessTarget arn(JsonNode input, String member, boolean namespace) {
        return text(input, member)
                .map(v -> v.strip().startsWith("arn:")
                        ? v.strip()
                        : namespace
                                ? idSource.get().namespaceArn(CloudMapIds.idOf(v))
                                : idSource.get().serviceArn(CloudMapIds.idOf(v)))
                .map(AccessTarget::of)
                .orElse(AccessTarget.ANY);
    }

    private static java.util.Optional<String> text(JsonNode input, String member) {
        if (input == null || !input.hasNonNull(member) || !input.get(member).isTextual()) {
            return java.util.Optional.empty();
        }
        String v = input.get(member).asText();
        return v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v);
    }
}
