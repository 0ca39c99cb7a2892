package dev.gantry.core.servicediscovery;

import static dev.gantry.core.servicediscovery.CloudMapError.invalid;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One List* filter ({@code Name}, {@code Values}, {@code Condition}), checked against the names and conditions the
 * call allows. EQ takes one value, IN one or more, BEGINS_WITH one, BETWEEN two (inclusive, compared as text or,
 * for UPDATE_DATE, as epoch seconds by the caller).
 */
public record Filter(String name, List<String> values, String condition) {
    public Filter {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        Objects.requireNonNull(condition, "condition");
    }

    /** A filter of a call that allows {@code names} with {@code conditions}. */
    public static Filter of(
            String name, List<String> values, String condition, Set<String> names, Set<String> conditions) {
        if (!names.contains(name)) {
            throw invalid("Filter name '" + name + "' is not valid here; use one of " + sorted(names) + ".");
        }
        if (!conditions.contains(condition)) {
            throw invalid("Filter " + name + " does not support condition " + condition + "; use one of "
                    + sorted(conditions) + ".");
        }
        int want = switch (condition) {
            case "EQ", "BEGINS_WITH" -> 1;
            case "BETWEEN" -> 2;
            default -> -1;
        };
        if (values.isEmpty() || (want > 0 && values.size() != want)) {
            throw invalid("Filter " + name + " with condition " + condition + " takes "
                    + (want < 0 ? "at least one value" : want == 1 ? "exactly one value" : "exactly two values")
                    + "; it has " + values.size() + ".");
        }
        return new Filter(name, values, condition);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** Whether {@code actual} passes this filter (BETWEEN compares as text; see {@link #between}). */
    public boolean matches(String actual) {
        return switch (condition) {
            case "EQ", "IN" -> values.contains(actual);
            case "BEGINS_WITH" -> actual.startsWith(values.get(0));
            case "BETWEEN" -> actual.compareTo(values.get(0)) >= 0 && actual.compareTo(values.get(1)) <= 0;
            default -> false;
        };
    }

    /** BETWEEN (or EQ) on numbers: whether {@code actual} lies within the values read as numbers. */
    public boolean between(double actual) {
        try {
            double lo = Double.parseDouble(values.get(0));
            double hi = values.size() > 1 ? Double.parseDouble(values.get(1)) : lo;
            return actual >= lo && actual <= hi;
        } catch (NumberFormatException e) {
            throw invalid("Filter " + name + " takes numbers (epoch seconds); got " + values + ".");
        }
    }
}
