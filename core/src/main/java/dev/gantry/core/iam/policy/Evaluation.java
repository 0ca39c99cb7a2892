package dev.gantry.core.iam.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Decision} and the statement that decided it (its Sid, or {@code "statement N"} counted from 1 within its
 * policy), for messages and logs. An implicit deny has no deciding statement.
 */
public record Evaluation(Decision decision, Optional<String> deciding) {
    public Evaluation {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(deciding, "deciding");
    }

    public static Evaluation implicitDeny() {
        return new Evaluation(Decision.IMPLICIT_DENY, Optional.empty());
    }

    public boolean allowed() {
        return decision.allowed();
    }
}
