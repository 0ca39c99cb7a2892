package dev.gantry.core.iam.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The request's condition keys and their values ({@code aws:SourceIp}, {@code aws:username},
 * {@code aws:PrincipalTag/team}, {@code ecs:cluster}, ...). Keys are looked up case-insensitively, as IAM does; a
 * key with an empty list of values counts as absent. Policy variables ({@code ${aws:username}}) are read from here
 * too.
 */
public record ConditionContext(Map<String, List<String>> values) {
    private static final ConditionContext EMPTY = new ConditionContext(Map.of());

    public ConditionContext {
        Objects.requireNonNull(values, "values");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((key, list) -> copy.put(Objects.requireNonNull(key, "key"), List.copyOf(list)));
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

    /** The key's values, empty when the key is absent or has no values. */
    public Optional<List<String>> get(String key) {
        List<String> found = values.get(key);
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }
}
