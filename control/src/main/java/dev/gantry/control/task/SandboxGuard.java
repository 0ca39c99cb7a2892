package dev.gantry.control.task;

import dev.gantry.core.task.TaskSpec;
import dev.gantry.runtime.spi.Sandbox;

/**
 * What must hold in a task's sandbox before any of its containers is created or started: the task runner calls
 * {@link #sandboxReady} once the sandbox is the task's (claimed, or found again after a re-adoption), every time it
 * (re)starts a task's start-up. A guard that cannot make its part true throws {@link Refused}; the task then fails
 * to start with that reason (a ResourceInitializationError) rather than running without it. Security groups are
 * one such guard (control/firewall). {@link #NONE} asks nothing.
 */
@FunctionalInterface
public interface SandboxGuard {
    SandboxGuard NONE = (task, sandbox) -> {};

    void sandboxReady(TaskSpec task, Sandbox sandbox);

    /** The sandbox cannot be made ready; the message says why and what to fix. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
