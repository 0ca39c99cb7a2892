package dev.gantry.core.lifecycle;

import dev.gantry.core.taskdef.DependencyCondition;

/** Whether a container may start now, given its dependencies' progress. */
public sealed interface StartDecision {
    record Ready() implements StartDecision {}

    /** A dependency has not reached its condition yet. */
    record Wait(String dependency, DependencyCondition condition) implements StartDecision {}

    /** A dependency can never reach its condition (e.g. it exited non-zero under SUCCESS). */
    record Impossible(String reason) implements StartDecision {}
}
