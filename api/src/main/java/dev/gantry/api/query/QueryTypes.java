package dev.gantry.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.ServiceModel;
import dev.gantry.core.error.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives a Query request's string leaves the types its operation's botocore input shape declares, and checks the
 * model's constraints, so a Query service's handlers read the same typed tree a JSON service's do.
 *
 * <ul>
 *   <li>{@code integer}/{@code long} leaves become numbers, {@code boolean} leaves {@code true}/{@code false},
 *       {@code double}/{@code float} decimals; anything else stays text.</li>
 *   <li>A list given as {@code Name=} (how the Query protocol sends an empty list) becomes an empty array.</li>
 *   <li>Required members must be present.</li>
 *   <li>The model's {@code min}/{@code max} (a number's value, a string's or a list's length) and {@code enum}
 *       are checked.</li>
 * </ul>
 *
 * Every problem is reported at once, as AWS's model validation does: {@code ValidationError}-style messages
 * ({@code N validation error(s) detected: Value 'x' at 'Port' failed to satisfy constraint: …}) naming the
 * parameter as it was sent, under the invalid-parameter kind that each service's table names. Members the
 * model does not define for the operation are dropped (as AWS ignores them): a handler or an access mapping never
 * sees a member its operation does not have (PutUserPolicy with a stray RoleName).
 */
public final class QueryTypes {

    static final String HEADER = "%d validation error%s detected: ";
    static final String MISSING = "Value null at '%s' failed to satisfy constraint: Member must not be null";
    static final String CONSTRAINT = "Value '%s' at '%s' failed to satisfy constraint: %s";

    private QueryTypes() {}

    /** The members typed by {@code operation}'s input shape; unchanged if the model does not know the operation. */
    public static ObjectNode coerce(ObjectNode members, ServiceModel model, String operation) {
        var shape = model.inputShape(operation);
        if (shape.isEmpty()) {
            return members;
        }
        List<String> problems = new ArrayList<>();
        JsonNode typed = walk(members, shape.get(), "", model, problems);
        if (!problems.isEmpty()) {
            String header = String.format(HEADER, problems.size(), problems.size() == 1 ? "" : "s");
            throw ApiException.invalidParameter(header + String.join("; ", problems));
        }
        return typed instanceof ObjectNode o ? o : members;
    }

    private static JsonNode walk(JsonNode node, String shapeName, String path, ServiceModel model, List<String> out) {
        JsonNode shape = model.shape(shapeName);
        String type = shape.path("type").asText();
        boolean scalar = !type.equals("structure") && !type.equals("list") && !type.equals("map");
        if (scalar && node.isContainerNode()) {
            out.add(String.format(CONSTRAINT, "(a structure or list)", name(path), "Member must be a single value"));
            return node;
        }
        return switch (type) {
            case "structure" -> structure(node, shape, path, model, out);
            case "list" -> list(node, shape, path, model, out);
            case "map" -> map(node, shape, path, model, out);
            case "integer", "long" -> integer(node, shape, path, out);
            case "boolean" -> bool(node, path, out);
            case "double", "float" -> decimal(node, path, out);
            case "string" -> string(node, shape, path, out);
            default -> node;
        };
    }

    private static JsonNode structure(
            JsonNode node, JsonNode shape, String path, ServiceModel model, List<String> out) {
        if (!(node instanceof ObjectNode object)) {
            if (!node.asText().isEmpty()) {
                out.add(String.format(CONSTRAINT, node.asText(), name(path), "Member must be a structure"));
            }
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode typed = JsonNodeFactory.instance.objectNode();
        JsonNode members = shape.path("members");
        // EC2 names a missing member in its own error (MissingParameter), which its handlers raise
        boolean checkRequired = !model.protocol().equals("ec2");
        for (JsonNode required : checkRequired ? shape.path("required") : JsonNodeFactory.instance.arrayNode()) {
            if (!object.has(required.asText())) {
                String child = path.isEmpty() ? required.asText() : path + "." + required.asText();
                out.add(String.format(MISSING, child));
            }
        }
        Map<String, String> byWireName = wireNames(members, model);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String memberName = byWireName.getOrDefault(field.getKey(), field.getKey());
            JsonNode member = members.path(memberName).path("shape");
            if (!member.isTextual()) {
                continue; // not in the model: dropped, so no handler or access mapping ever reads it
            }
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            typed.set(memberName, walk(field.getValue(), member.asText(), child, model, out));
        }
        return typed;
    }

    /**
     * EC2's protocol sends a member under its {@code queryName}, else its capitalised {@code locationName}
     * ({@code Filter.1.Value.1} for {@code Filters[0].Values[0]}); the typed tree uses the model's member names, as
     * a JSON service's handlers read them. Empty for the Query protocol, which sends member names.
     */
    private static Map<String, String> wireNames(JsonNode members, ServiceModel model) {
        if (!model.protocol().equals("ec2")) {
            return Map.of();
        }
        Map<String, String> out = new java.util.HashMap<>();
        members.fields().forEachRemaining(m -> {
            JsonNode query = m.getValue().path("queryName");
            JsonNode location = m.getValue().path("locationName");
            if (query.isTextual()) {
                out.put(query.asText(), m.getKey());
            } else if (location.isTextual() && !location.asText().isEmpty()) {
                String l = location.asText();
                out.put(Character.toUpperCase(l.charAt(0)) + l.substring(1), m.getKey());
            }
        });
        return out;
    }

    private static JsonNode list(JsonNode node, JsonNode shape, String path, ServiceModel model, List<String> out) {
        ArrayNode typed = JsonNodeFactory.instance.arrayNode();
        if (node instanceof ArrayNode array) {
            String element = shape.path("member").path("shape").asText();
            boolean flattened =
                    shape.path("flattened").asBoolean(false) || model.protocol().equals("ec2");
            for (int i = 0; i < array.size(); i++) {
                String child = path + (flattened ? "." : ".member.") + (i + 1);
                typed.add(array.get(i).isNull() ? array.get(i) : walk(array.get(i), element, child, model, out));
            }
        } else if (!node.asText().isEmpty()) {
            out.add(String.format(
                    CONSTRAINT,
                    node.asText(),
                    name(path),
                    "Member must be a list (" + name(path) + ".member.1, " + name(path) + ".member.2, …)"));
            return typed;
        }
        length(typed.size(), node, shape, path, "have length", out);
        return typed;
    }

    private static JsonNode map(JsonNode node, JsonNode shape, String path, ServiceModel model, List<String> out) {
        if (!(node instanceof ObjectNode object)) {
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode typed = JsonNodeFactory.instance.objectNode();
        String value = shape.path("value").path("shape").asText();
        object.fields().forEachRemaining(e -> typed.set(e.getKey(), walk(e.getValue(), value, path, model, out)));
        return typed;
    }

    private static JsonNode integer(JsonNode node, JsonNode shape, String path, List<String> out) {
        if (node.isIntegralNumber()) {
            return node;
        }
        String text = node.asText().strip();
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            out.add(String.format(CONSTRAINT, node.asText(), name(path), "Member must be a whole number"));
            return node;
        }
        if (shape.has("min") && value < shape.get("min").asLong()) {
            out.add(String.format(
                    CONSTRAINT,
                    text,
                    name(path),
                    "Member must have value greater than or equal to "
                            + shape.get("min").asLong()));
        }
        if (shape.has("max") && value > shape.get("max").asLong()) {
            out.add(String.format(
                    CONSTRAINT,
                    text,
                    name(path),
                    "Member must have value less than or equal to "
                            + shape.get("max").asLong()));
        }
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                ? JsonNodeFactory.instance.numberNode((int) value)
                : JsonNodeFactory.instance.numberNode(value);
    }

    private static JsonNode bool(JsonNode node, String path, List<String> out) {
        if (node.isBoolean()) {
            return node;
        }
        String text = node.asText().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(text.equals("true"));
        }
        out.add(String.format(CONSTRAINT, node.asText(), name(path), "Member must be true or false"));
        return node;
    }

    private static JsonNode decimal(JsonNode node, String path, List<String> out) {
        if (node.isNumber()) {
            return node;
        }
        try {
            return JsonNodeFactory.instance.numberNode(
                    new BigDecimal(node.asText().strip()));
        } catch (NumberFormatException e) {
            out.add(String.format(CONSTRAINT, node.asText(), name(path), "Member must be a number"));
            return node;
        }
    }

    private static JsonNode string(JsonNode node, JsonNode shape, String path, List<String> out) {
        String text = node.asText();
        length(text.codePointCount(0, text.length()), node, shape, path, "have length", out);
        JsonNode allowed = shape.path("enum");
        if (allowed.isArray() && !allowed.isEmpty()) {
            boolean found = false;
            List<String> values = new ArrayList<>();
            for (JsonNode v : allowed) {
                values.add(v.asText());
                found |= v.asText().equals(text);
            }
            if (!found) {
                out.add(String.format(
                        CONSTRAINT,
                        text,
                        name(path),
                        "Member must satisfy enum value set: [" + String.join(", ", values) + "]"));
            }
        }
        return node;
    }

    private static void length(int length, JsonNode node, JsonNode shape, String path, String what, List<String> out) {
        String shown = node.isContainerNode() ? "(" + length + " items)" : node.asText();
        if (shape.has("min") && length < shape.get("min").asInt()) {
            out.add(String.format(
                    CONSTRAINT,
                    shown,
                    name(path),
                    "Member must " + what + " greater than or equal to "
                            + shape.get("min").asInt()));
        }
        if (shape.has("max") && length > shape.get("max").asInt()) {
            out.add(String.format(
                    CONSTRAINT,
                    shown,
                    name(path),
                    "Member must " + what + " less than or equal to "
                            + shape.get("max").asInt()));
        }
    }

    private static String name(String path) {
        return path.isEmpty() ? "(request)" : path;
    }
}
