package dev.gantry.api.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.store.iam.IamTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an IAM request's members, already typed and checked (required members, lengths, ranges) by the Query codec
 * against botocore's model; what the model allows but Gantry cannot read is a ValidationError.
 */
record Params(JsonNode node) {

    Optional<String> text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    String required(String name) {
        return text(name)
                .orElseThrow(() -> ApiException.invalidParameter("1 validation error detected: Value null at '"
                        + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                        + "' failed to satisfy constraint: Member must not be null"));
    }

    Optional<Integer> integer(String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isNumber() ? Optional.empty() : Optional.of(v.intValue());
    }

    String path() {
        return text("Path").orElse("/");
    }

    String pathPrefix() {
        return text("PathPrefix").orElse("/");
    }

    List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        node.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    List<IamTag> tags() {
        List<IamTag> out = new ArrayList<>();
        for (JsonNode t : node.path("Tags")) {
            out.add(new IamTag(t.path("Key").asText(), t.path("Value").asText("")));
        }
        return out;
    }
}
