package dev.gantry.control.rotation;

import java.util.Objects;

/** How one step's run ended. */
public sealed interface StepOutcome {

    /** The step's task exited 0. */
    record Succeeded(String taskArn) implements StepOutcome {}

    /** The step's task failed to start, exited non-zero, or was stopped; {@code reason} says which. */
    record Failed(String reason) implements StepOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
