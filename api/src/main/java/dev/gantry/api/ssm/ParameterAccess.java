package dev.gantry.api.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.store.ssm.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a Parameter Store call acts on, for IAM: the parameter's ARN (without a {@code :version} or {@code :label}
 * selector) for calls naming one or more parameters, the path's ARN for GetParametersByPath, the resource's ARN for
 * the tagging calls; {@code *} for DescribeParameters, as IAM's tables say.
 */
final class ParameterAccess {

    private final ParameterStore store;

    ParameterAccess(ParameterStore store) {
        this.store = store;
    }

    AccessTarget of(JsonNode input) {
        if (text(input, "Name")) {
            return AccessTarget.of(arnOf(input.get("Name").asText()));
        }
        if (text(input, "Path")) {
            return AccessTarget.of(arnOf(input.get("Path").asText()));
        }
        if (text(input, "ResourceId")) {
            return AccessTarget.of(arnOf(input.get("ResourceId").asText()));
        }
        JsonNode names = input.get("Names");
        if (names != null && names.isArray() && !names.isEmpty()) {
            List<String> arns = new ArrayList<>();
            names.forEach(n -> arns.add(arnOf(n.asText())));
            return new AccessTarget(arns, Map.of());
        }
        return AccessTarget.ANY;
    }

    private String arnOf(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            int colon = nameOrArn.indexOf(':', nameOrArn.indexOf(":parameter") + 1);
            return colon < 0 ? nameOrArn : nameOrArn.substring(0, colon);
        }
        int colon = nameOrArn.indexOf(':');
        return store.arn(colon < 0 ? nameOrArn : nameOrArn.substring(0, colon));
    }

    private static boolean text(JsonNode input, String field) {
        return input.hasNonNull(field)
                && input.get(field).isTextual()
                && !input.get(field).asText().isEmpty();
    }
}
