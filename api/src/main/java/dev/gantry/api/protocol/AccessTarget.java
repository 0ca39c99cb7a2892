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
public record AccessTarget(List<String> resources, Map<String, List<String>> conditionKeys, List<Implied> implied) {

    /** Any resource, no service keys: the default for every operation. */
    public static final AccessTarget ANY = new AccessTarget(List.of("*"), Map.of());

    /**
     * Another action the caller must also be allowed for this call, as AWS checks it: {@code iam:PassRole} on a role
     * handed to ECS, {@code secretsmanager:GetSecretValue} on each secret a BatchGetSecretValue returns.
     */
    public record Implied(String action, String resource, Map<String, List<String>> conditionKeys) {
        public Implied {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            conditionKeys = Map.copyOf(conditionKeys);
        }
    }

    public AccessTarget(List<String> resources, Map<String, List<String>> conditionKeys) {
        this(resources, conditionKeys, List.of());
    }

    public AccessTarget {
        implied = List.copyOf(implied);
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
        return new AccessTarget(resources, more, implied);
    }

    /** The same target, the caller also needing {@code action} on {@code resource}. */
    public AccessTarget alsoRequiring(String action, String resource, Map<String, List<String>> keys) {
        List<Implied> more = new java.util.ArrayList<>(implied);
        more.add(new Implied(action, resource, keys));
        return new AccessTarget(resources, conditionKeys, more);
    }
}
