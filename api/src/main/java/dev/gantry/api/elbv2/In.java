package dev.gantry.api.elbv2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.LbTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ELBv2 request's members. The Query codec has already typed them by the model (numbers, booleans,
 * lists) and checked required members and ranges, so this only picks values out; a member of the wrong kind here
 * is a request the model allows but Gantry cannot read, answered with ValidationError.
 */
record In(JsonNode node) {

    static final String NOT_TEXT = "Parameter '%s' must be a single value.";

    Optional<String> text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isContainerNode()) {
            throw ApiException.invalidParameter(String.format(NOT_TEXT, name));
        }
        // the Query protocol cannot tell "" from absent for an optional member, and SDKs send "" for unset
        // strings (Terraform's ProtocolVersion=): both mean "not given"
        return v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    String required(String name) {
        return text(name)
                .orElseThrow(() -> ApiException.invalidParameter("1 validation error detected: Value null at '" + name
                        + "' failed to satisfy constraint: Member must" + " not be null"));
    }

    Optional<Integer> integer(String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isNumber() ? Optional.empty() : Optional.of(v.intValue());
    }

    Optional<Boolean> bool(String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isBoolean() ? Optional.empty() : Optional.of(v.booleanValue());
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    In object(String name) {
        JsonNode v = node.get(name);
        return new In(v != null && v.isObject() ? v : com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        node.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    List<In> objects(String name) {
        List<In> out = new ArrayList<>();
        node.path(name).forEach(v -> out.add(new In(v)));
        return out;
    }

    List<LbTag> tags(String name) {
        List<LbTag> out = new ArrayList<>();
        for (In t : objects(name)) {
            out.add(new LbTag(t.required("Key"), t.text("Value").orElse("")));
        }
        return out;
    }

    /** A list of {@code {Key, Value}} as an ordered map (target-group attributes). */
    Map<String, String> keyValues(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (In kv : objects(name)) {
            out.put(kv.required("Key"), kv.text("Value").orElse(""));
        }
        return out;
    }
}
