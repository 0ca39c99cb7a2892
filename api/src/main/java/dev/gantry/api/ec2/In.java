package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gantry.core.ec2.Ec2Error;
import dev.gantry.core.ec2.Ec2Filter;
import dev.gantry.core.ec2.Ec2Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an EC2 request's members, by the botocore model's member names (the Query codec has mapped EC2's wire
 * names — {@code Filter.1.Value.1}, {@code TagSpecification.1.Tag.1.Key} — to them and typed the leaves). A
 * missing required member is EC2's MissingParameter, naming it as EC2's documentation does.
 */
record In(JsonNode node) {

    static final int MAX_TAGS = 50;

    Optional<String> text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    String required(String name, String wireName) {
        return text(name).orElseThrow(() -> Ec2Error.MISSING_PARAMETER.error(Ec2Messages.missing(wireName)));
    }

    /** An integer member; one beyond a 32-bit integer is EC2's InvalidParameterValue, never wrapped around. */
    Optional<Integer> integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isNumber()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidValue(
                    name, v.asText(), "It must be an integer from -2147483648 to 2147483647."));
        }
        return Optional.of(v.intValue());
    }

    boolean flag(String name) {
        JsonNode v = node.get(name);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    In object(String name) {
        JsonNode v = node.get(name);
        return new In(v != null && v.isObject() ? v : MissingNode.getInstance());
    }

    List<In> objects(String name) {
        List<In> out = new ArrayList<>();
        JsonNode v = node.get(name);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(new In(e)));
        }
        return out;
    }

    List<String> texts(String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = node.get(name);
        if (v != null && v.isArray()) {
            v.forEach(e -> {
                if (!e.isContainerNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            });
        }
        return out;
    }

    /** Throws DryRunOperation when the request asks for a dry run (after it was validated, as EC2 does). */
    void dryRun() {
        if (flag("DryRun")) {
            throw Ec2Error.DRY_RUN_OPERATION.error(Ec2Messages.DRY_RUN);
        }
    }

    List<Ec2Filter> filters() {
        List<Ec2Filter> out = new ArrayList<>();
        for (In f : objects("Filters")) {
            out.add(new Ec2Filter(f.text("Name").orElse(""), f.texts("Values")));
        }
        return out;
    }

    /** Tags of {@code Tags} ({@code Tag.N.Key}/{@code Tag.N.Value}), checked as EC2 checks them. */
    static Map<String, String> tags(List<In> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (In t : tags) {
            String key = t.text("Key")
                    .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.error("Tag keys must not be empty."));
            if (key.length() > 127 || t.text("Value").orElse("").length() > 255) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.error(
                        "Tag keys may have at most 127 characters and values at most 255: '" + key + "'.");
            }
            if (key.startsWith("aws:")) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.error(
                        "Tag keys starting with 'aws:' are reserved for internal use: '" + key + "'.");
            }
            out.put(key, t.text("Value").orElse(""));
        }
        if (out.size() > MAX_TAGS) {
            throw Ec2Error.TAG_LIMIT_EXCEEDED.error("A resource may have at most " + MAX_TAGS + " tags.");
        }
        return out;
    }

    /** The tags {@code TagSpecifications} give a resource of {@code resourceType}; another type is refused. */
    Map<String, String> tagSpecifications(String resourceType) {
        List<In> all = new ArrayList<>();
        for (In spec : objects("TagSpecifications")) {
            String type = spec.text("ResourceType").orElse(resourceType);
            if (!type.equals(resourceType)) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.error("'" + type
                        + "' is not a valid taggable resource type for this operation: use '" + resourceType + "'.");
            }
            all.addAll(spec.objects("Tags"));
        }
        return tags(all);
    }
}
