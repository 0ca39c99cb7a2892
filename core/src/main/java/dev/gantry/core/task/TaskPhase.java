package dev.gantry.core.task;

/**
 * Gantry's internal, ordered task lifecycle. A task only ever moves forward through it; its runner is the
 * only writer. {@link #lastStatus()} maps it onto the status names ECS reports.
 *
 * <pre>
 *  CLAIMING_SANDBOX ─► PULLING ─► CREATING ─► STARTING ─► ACTIVATING ─► RUNNING
 *   (PROVISIONING)    (PENDING)  (PENDING)   (PENDING)                     │
 *        │               │          │           │                          ▼
 *        └───────────────┴──────────┴───────────┴──────────────────► DEACTIVATING
 *                                                                          │
 *                                                                          ▼
 *                                        STOPPED ◄── DEPROVISIONING ◄── STOPPING
 * </pre>
 * A task that fails before RUNNING skips straight to STOPPING (nothing to deactivate) and ends with stop
 * code {@code TaskFailedToStart}.
 */
public enum TaskPhase {
    CLAIMING_SANDBOX,
    PULLING,
    CREATING,
    STARTING,
    ACTIVATING,
    RUNNING,
    DEACTIVATING,
    STOPPING,
    DEPROVISIONING,
    STOPPED;

    /** ECS's {@code lastStatus} for this phase. */
    public String lastStatus() {
        return switch (this) {
            case CLAIMING_SANDBOX -> "PROVISIONING";
            case PULLING, CREATING, STARTING -> "PENDING";
            case ACTIVATING -> "ACTIVATING";
            case RUNNING -> "RUNNING";
            case DEACTIVATING -> "DEACTIVATING";
            case STOPPING -> "STOPPING";
            case DEPROVISIONING -> "DEPROVISIONING";
            case STOPPED -> "STOPPED";
        };
    }

    public boolean hasReached(TaskPhase other) {
        return compareTo(other) >= 0;
    }
}
