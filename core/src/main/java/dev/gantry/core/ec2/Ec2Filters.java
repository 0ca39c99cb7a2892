package dev.gantry.core.ec2;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * EC2's Describe filters: filters are ANDed, the values of one filter ORed; a value may use {@code *} (any run of
 * characters) and {@code ?} (one character), {@code \} escaping them; matching is case-sensitive. Besides the
 * resource's own names, {@code tag:<key>} matches the tag's value and {@code tag-key} / {@code tag-value} a key or
 * value of any tag. An unknown name is InvalidParameterValue, as EC2 answers.
 */
public final class Ec2Filters {
    private Ec2Filters() {}

    /**
     * The predicate {@code filters} make over resources of a type whose filterable fields are {@code fields} (name →
     * the resource's values for it) and whose tags {@code tags} gives.
     */
    public static <T> Predicate<T> predicate(
            List<Ec2Filter> filters,
            Map<String, Function<T, List<String>>> fields,
            Function<T, Map<String, String>> tags) {
        Predicate<T> all = t -> true;
        for (Ec2Filter f : filters) {
            if (f.name().isBlank()) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidFilter(f.name()));
            }
            if (f.values().isEmpty()) {
                throw Ec2Error.INVALID_FILTER.error(
                        "The filter '" + f.name() + "' has no values: give at least one Filter.N.Value.M.");
            }
            Function<T, List<String>> values = valuesOf(f.name(), fields, tags);
            all = all.and(t -> anyMatch(f.values(), values.apply(t)));
        }
        return all;
    }

    private static <T> Function<T, List<String>> valuesOf(
            String name, Map<String, Function<T, List<String>>> fields, Function<T, Map<String, String>> tags) {
        if (name.startsWith("tag:")) {
            String key = name.substring(4);
            return t -> {
                String v = tags.apply(t).get(key);
                return v == null ? List.of() : List.of(v);
            };
        }
        if (name.equals("tag-key")) {
            return t -> List.copyOf(tags.apply(t).keySet());
        }
        if (name.equals("tag-value")) {
            return t -> List.copyOf(tags.apply(t).values());
        }
        Function<T, List<String>> field = fields.get(name);
        if (field == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidFilter(name));
        }
        return field;
    }

    private static boolean anyMatch(List<String> patterns, List<String> values) {
        for (String p : patterns) {
            for (String v : values) {
                if (matches(p, v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code value} matches the EC2 wildcard {@code pattern} whole. */
    public static boolean matches(String pattern, String value) {
        return matches(pattern, 0, value, 0);
    }

    private static boolean matches(String p, int pi, String v, int vi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = vi; k <= v.length(); k++) {
                    if (matches(p, pi + 1, v, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (vi >= v.length()) {
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                pi++;
                if (p.charAt(pi) != v.charAt(vi)) {
                    return false;
                }
            } else if (c != '?' && c != v.charAt(vi)) {
                return false;
            }
            pi++;
            vi++;
        }
        return vi == v.length();
    }
}
