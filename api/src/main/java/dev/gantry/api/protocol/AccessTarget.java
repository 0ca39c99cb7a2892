package dev.gantry.api.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one call acts on, for authorization: the resource ARNs the request targets ({@code *} when the action has no
 * resource, as IAM's "Actions, resources and condition keys" tables say) and the service's own condition keys
 * ({@code ecs:cluster}). A service states it per operation ({@link AwsService#accessTarget}); the codecs add the
 * global keys.
 */
public record AccessTarget(List<String> resources, Map<String, List<String>> conditionKeys) {

    /** Any resource, no service keys: the default for every operation. */
    public static final AccessTarget ANY = new AccessTarget(List.of("*"), Map.of());

    public AccessTarget {
        resources = List.copyOf(resources);
        Objects.requireNonNull(conditionKeys, "conditionKeys");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        conditionKeys.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        conditionKeys = java.util.Collections.unmodifiableMap(copy);
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("an access target names at least one resource (or *)");
        }
    }

    /** One resource ARN, no service keys. */
    public static AccessTarget of(String resource) {
        return new AccessTarget(List.of(resource), Map.of());
    }

    /** The same resources with one more condition key. */
    public AccessTarget withKey(String key, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(conditionKeys);
        more.put(key, List.of(value));
        return new AccessTarget(resources, more);
    }
}
