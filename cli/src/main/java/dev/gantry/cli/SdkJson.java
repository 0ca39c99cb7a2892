package dev.gantry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Fills an SDK model builder from a JSON tree in the service's wire shape (what {@code aws ... --cli-input-json}
 * takes), guided by the model's own field metadata ({@link SdkPojo#sdkFields()}), so every field the SDK knows is
 * read, nested structures included. Numbers given as strings and vice versa are accepted, as people write both.
 *
 * <p>{@link SdkField}, {@link ListTrait} and {@link MapTrait} are {@code @SdkProtectedApi} (meant for the SDK's own
 * modules; they may change in a minor release). They are used here, and only here, because the SDK has no public
 * JSON-to-model reader and a hand-written field list would drop fields; TaskDefinitionFileTest pins the behaviour,
 * so an SDK upgrade that changes them fails the build rather than the user.
 */
final class SdkJson {
    private SdkJson() {}

    /**
     * @param path    JSON path of {@code object}, for messages ("" at the root)
     * @param ignored receives the paths of members the model does not have
     * @throws CliException naming the path of a value of the wrong type
     */
    static void fill(SdkPojo builder, JsonNode object, String path, List<String> ignored) {
        Map<String, SdkField<?>> byName = new HashMap<>();
        builder.sdkFields().forEach(f -> byName.put(f.locationName(), f));
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            SdkField<?> field = byName.get(e.getKey());
            if (field == null) {
                ignored.add(at);
            } else if (!e.getValue().isNull()) {
                field.set(builder, value(field, e.getValue(), at, ignored));
            }
        }
    }

    private static Object value(SdkField<?> f, JsonNode n, String at, List<String> ignored) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) {
            return expect(n.isValueNode(), n, at, "a string").asText();
        } else if (t == MarshallingType.INTEGER) {
            return wholeNumber(n, at, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        } else if (t == MarshallingType.LONG) {
            return wholeNumber(n, at, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (t == MarshallingType.DOUBLE) {
            return number(n, at).doubleValue();
        } else if (t == MarshallingType.FLOAT) {
            return number(n, at).floatValue();
        } else if (t == MarshallingType.BOOLEAN) {
            return bool(n, at);
        } else if (t == MarshallingType.INSTANT) {
            return instant(n, at);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (JsonNode item : expect(n.isArray(), n, at, "a list")) {
                list.add(value(member, item, at + "[" + i++ + "]", ignored));
            }
            return list;
        } else if (t == MarshallingType.MAP) {
            SdkField<?> valueField = f.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e :
                    expect(n.isObject(), n, at, "an object").properties()) {
                map.put(e.getKey(), value(valueField, e.getValue(), at + "." + e.getKey(), ignored));
            }
            return map;
        } else if (t == MarshallingType.SDK_POJO) {
            SdkPojo nested = f.constructor().get();
            fill(nested, expect(n.isObject(), n, at, "an object"), at, ignored);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        throw CliException.failed(at + ": values of this kind are not supported in task definition files");
    }

    /** A number without a fraction, within [min, max]; otherwise an error naming the path. */
    private static Long wholeNumber(JsonNode n, String at, long min, long max) {
        try {
            long v = number(n, at).longValueExact();
            if (v >= min && v <= max) {
                return v;
            }
        } catch (ArithmeticException fractionOrTooLarge) {
            // reported below
        }
        throw wrong(n, at, "a whole number from " + min + " to " + max);
    }

    private static BigDecimal number(JsonNode n, String at) {
        try {
            if (n.isNumber()) {
                return n.decimalValue();
            }
            if (n.isTextual()) {
                return new BigDecimal(n.asText().trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw wrong(n, at, "a number");
    }

    private static boolean bool(JsonNode n, String at) {
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.parseBoolean(n.asText());
        }
        throw wrong(n, at, "true or false");
    }

    private static Instant instant(JsonNode n, String at) {
        try {
            if (n.isNumber()) {
                BigDecimal s = n.decimalValue();
                return Instant.ofEpochSecond(
                        s.longValue(),
                        s.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            if (n.isTextual()) {
                return Instant.parse(n.asText());
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw wrong(n, at, "a time (epoch seconds or ISO-8601)");
    }

    private static JsonNode expect(boolean ok, JsonNode n, String at, String what) {
        if (!ok) {
            throw wrong(n, at, what);
        }
        return n;
    }

    private static CliException wrong(JsonNode n, String at, String what) {
        String got = n.toString();
        String shown = got.length() > 60 ? got.substring(0, 57) + "..." : got;
        return CliException.failed(at + ": expected " + what + ", got " + shown);
    }
}
