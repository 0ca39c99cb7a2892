package dev.gantry.core.iam.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement: its effect, the actions it covers ({@code Action} or {@code NotAction}), the resources
 * ({@code Resource} or {@code NotResource}; absent in trust policies), the principals ({@code Principal} or
 * {@code NotPrincipal}; resource and trust policies only) and its conditions, all of which must hold.
 */
public record Statement(
        Optional<String> sid,
        Effect effect,
        Optional<PrincipalElement> principal,
        ActionElement actions,
        Optional<ResourceElement> resources,
        List<Condition> conditions) {
    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(resources, "resources");
        conditions = List.copyOf(conditions);
    }

    /** The Sid, or {@code "statement N"} (N counted from 1) for messages. */
    public String label(int index) {
        return sid.filter(s -> !s.isEmpty()).orElse("statement " + (index + 1));
    }
}
