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

    /** The target of {@code operation}: only the member that operation reads, so another member cannot stand in. */
    AccessTarget of(String operation, JsonNode input) {
        String member = switch (operation) {
            case "GetParameter",
                    "PutParameter",
                    "DeleteParameter",
                    "GetParameterHistory",
                    "LabelParameterVersion",
                    "UnlabelParameterVersion" -> "Name";
            case "GetParameters", "DeleteParameters" -> "Names";
            case "GetParametersByPath" -> "Path";
            case "AddTagsToResource", "ListTagsForResource", "RemoveTagsFromResource" -> "ResourceId";
            default -> ""; // DescribeParameters: no resource, as IAM's table says
        };
        JsonNode value = member.isEmpty() ? null : input.get(member);
        if (member.equals("Path")
                && value != null
                && value.isTextual()
                && !value.asText().isBlank()) {
            // the path itself and, standing for every parameter below it, "<path>/*": a Deny on the subtree applies
            String path = arnOf(value.asText());
            return new AccessTarget(List.of(path, path.endsWith("/") ? path + "*" : path + "/*"), Map.of());
        }
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            return AccessTarget.of(arnOf(value.asText()));
        }
        if (value != null && value.isArray() && !value.isEmpty()) {
            List<String> arns = new ArrayList<>();
            value.forEach(n -> arns.add(arnOf(n.asText())));
            return new AccessTarget(arns, Map.of());
        }
        return AccessTarget.ANY;
    }

    /** The handlers strip the name before they use it; so does the check, or a space would dodge a Deny. */
    private String arnOf(String given) {
        String nameOrArn = given.strip();
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
