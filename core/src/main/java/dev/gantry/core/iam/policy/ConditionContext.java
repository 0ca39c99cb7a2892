package dev.gantry.core.iam.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request's condition keys and their values ({@code aws:SourceIp}, {@code aws:username},
 * {@code aws:PrincipalTag/team}, {@code ecs:cluster}, ...). Keys are looked up case-insensitively, as IAM does; a
 * key with an empty list of values counts as absent. Keys given in several spellings (differing only in case) are
 * one key whose values are the union of theirs, in order, without duplicates, so a Deny keyed on either spelling
 * fires. Policy variables ({@code ${aws:username}}) are read from here too. Null keys or values are API misuse and
 * are refused naming the key.
 */
public record ConditionContext(Map<String, List<String>> values) {
    private static final ConditionContext EMPTY = new ConditionContext(Map.of());

    public ConditionContext {
        Objects.requireNonNull(values, "values");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((key, list) -> {
            Objects.requireNonNull(key, "a condition key is null");
            Objects.requireNonNull(list, () -> "the values of condition key " + key + " are null");
            LinkedHashSet<String> merged = new LinkedHashSet<>(copy.getOrDefault(key, List.of()));
            for (String value : list) {
                merged.add(Objects.requireNonNull(value, () -> "a value of condition key " + key + " is null"));
            }
            copy.put(key, List.copyOf(merged));
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static ConditionContext empty() {
        return EMPTY;
    }

    /** A context with only this key. */
    public static ConditionContext of(String key, String... values) {
        return EMPTY.with(key, values);
    }

    /** This context with {@code key} set to {@code values} (replacing any earlier values of the key). */
    public ConditionContext with(String key, String... values) {
        return with(key, Arrays.asList(values));
    }

    /** This context with {@code key} set to {@code values} (replacing any earlier values of the key). */
    public ConditionContext with(String key, List<String> values) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(this.values);
        copy.put(key, List.copyOf(values));
        return new ConditionContext(copy);
    }

    /** Whether a key or value is longer than wildcard matching accepts ({@link Glob#MAX_TEXT}). */
    boolean oversized() {
        return values.entrySet().stream()
                .anyMatch(e -> e.getKey().length() > Glob.MAX_TEXT
                        || e.getValue().stream().anyMatch(v -> v.length() > Glob.MAX_TEXT));
    }

    /** The key's values, empty when the key is absent or has no values. */
    public Optional<List<String>> get(String key) {
        List<String> found = values.get(key);
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }
}
