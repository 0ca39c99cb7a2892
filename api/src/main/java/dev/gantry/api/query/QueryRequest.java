package dev.gantry.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsMapper;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsSchema;
import dev.gantry.core.error.ApiException;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded AWS Query request: {@code Action}, {@code Version}, and the other parameters as a member tree.
 *
 * <p>Form decoding is Netty's ({@code application/x-www-form-urlencoded}, {@code +} as space); turning dotted
 * names into a tree is Jackson's properties reader with 1-based simple indexes, so
 * {@code Tags.member.1.Key=a&Tags.member.1.Value=b} becomes {@code {"Tags":{"member":[{"Key":"a","Value":"b"}]}}}.
 * Then the Query protocol's list and map wrappers are removed, as a service's shapes would read them:
 * {@code {"member":[…]}} (and EC2's flattened {@code Name.1}) is a list, {@code {"entry":[{"key","value"}…]}} a map.
 * Every leaf is a string: the Query protocol carries no types.
 *
 * @param members the parameters other than Action and Version
 */
public record QueryRequest(Optional<String> action, Optional<String> version, ObjectNode members) {

    /** Most parameters one request may carry; AWS's own limits are far lower for every action Gantry serves. */
    static final int MAX_PARAMETERS = 10_000;
    /** A list index above this is refused: Jackson would otherwise materialise every earlier slot. */
    static final int MAX_INDEX = 10_000;

    static final String BAD_INDEX = "List index in parameter '%s' must be a number from 1 to " + MAX_INDEX + ".";
    static final String UNREADABLE = "The request parameters could not be read as AWS Query parameters.";
    static final String BAD_ESCAPE = "The request body is not valid application/x-www-form-urlencoded: every '%%' must"
            + " start a percent-encoded byte of two hex digits (see the parameter starting '%s').";
    static final String MIXED = "Parameter '%s' is given both as a value and as a structure or list.";

    private static final JavaPropsMapper PROPS = new JavaPropsMapper();
    private static final JavaPropsSchema SCHEMA = JavaPropsSchema.emptySchema()
            .withFirstArrayOffset(1)
            .withParseSimpleIndexes(true)
            .withoutIndexMarker()
            .withPathSeparator(".");

    public QueryRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(members, "members");
    }

    /** Decodes a form-encoded body (UTF-8); a repeated parameter keeps its first value, as AWS does. */
    public static QueryRequest decode(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        Map<String, List<String>> raw;
        try {
            raw = new QueryStringDecoder(form, StandardCharsets.UTF_8, false, MAX_PARAMETERS, true)
                    .parameters(); // only '&' separates: a ';' is data, as in AWS's form decoding
        } catch (IllegalArgumentException e) { // Netty's answer to a bad escape ("X=%", "X=%zz")
            throw ApiException.serialization(String.format(BAD_ESCAPE, parameterWithBadEscape(form)));
        }
        Map<String, String> params = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (!name.isEmpty()) {
                params.put(name, values.isEmpty() ? "" : values.getFirst());
            }
        });
        Optional<String> action = Optional.ofNullable(params.remove("Action")).filter(a -> !a.isBlank());
        Optional<String> version = Optional.ofNullable(params.remove("Version")).filter(v -> !v.isBlank());
        params.keySet().forEach(QueryRequest::checkIndexes);
        checkNoValueIsAlsoAParent(params);
        ObjectNode tree;
        try {
            JsonNode read = PROPS.readMapAs(params, SCHEMA, JsonNode.class);
            tree = read instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            throw ApiException.serialization(UNREADABLE);
        }
        ObjectNode members = JsonNodeFactory.instance.objectNode();
        tree.fields().forEachRemaining(f -> members.set(f.getKey(), unwrap(f.getValue()))); // the root is a structure
        return new QueryRequest(action, version, members);
    }

    /** The first {@code name=value} pair with a bad escape (at most 64 characters), to name in the message. */
    static String parameterWithBadEscape(String form) {
        for (String pair : form.split("&", -1)) {
            for (int i = pair.indexOf('%'); i >= 0; i = pair.indexOf('%', i + 1)) {
                if (i + 3 > pair.length() || !isHex(pair.charAt(i + 1)) || !isHex(pair.charAt(i + 2))) {
                    return pair.substring(0, Math.min(pair.length(), 64));
                }
            }
        }
        return form.substring(0, Math.min(form.length(), 64)); // e.g. bytes that are not UTF-8 once decoded
    }

    private static boolean isHex(char c) {
        return HexFormat.isHexDigit(c);
    }

    private static void checkIndexes(String name) {
        for (String segment : name.split("\\.", -1)) {
            if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                if (segment.length() > 5 || Integer.parseInt(segment) < 1 || Integer.parseInt(segment) > MAX_INDEX) {
                    throw ApiException.serialization(String.format(BAD_INDEX, name));
                }
            }
        }
    }

    /** {@code A=x&A.B=y}: the properties reader would silently drop one of them. */
    private static void checkNoValueIsAlsoAParent(Map<String, String> params) {
        for (String name : params.keySet()) {
            int dot = name.lastIndexOf('.');
            while (dot > 0) {
                String parent = name.substring(0, dot);
                if (params.containsKey(parent)) {
                    throw ApiException.serialization(String.format(MIXED, parent));
                }
                dot = parent.lastIndexOf('.');
            }
        }
    }

    /** Removes the {@code member} and {@code entry} wrappers, bottom up. */
    private static JsonNode unwrap(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            array.forEach(e -> out.add(unwrap(e)));
            return out;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        if (object.size() == 1 && object.get("member") instanceof ArrayNode members) {
            return unwrap(members);
        }
        if (object.size() == 1 && object.get("entry") instanceof ArrayNode entries && isEntries(entries)) {
            ObjectNode map = JsonNodeFactory.instance.objectNode();
            entries.forEach(e -> map.set(e.path("key").asText(), unwrap(e.path("value"))));
            return map;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.set(field.getKey(), unwrap(field.getValue()));
        }
        return out;
    }

    private static boolean isEntries(ArrayNode entries) {
        for (JsonNode e : entries) {
            if (!e.isObject() || !e.path("key").isTextual() || e.size() > 2) {
                return false;
            }
        }
        return true;
    }
}
