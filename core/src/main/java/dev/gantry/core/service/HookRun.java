package dev.gantry.core.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One PAUSE hook reached by a deployment (ECS's DeploymentLifecycleHookDetail): AWAITING_ACTION until
 * ContinueServiceDeployment answers or its timeout passes, then SUCCEEDED, FAILED (rolled back) or TIMED_OUT.
 */
public record HookRun(
        String hookId,
        LifecycleStage stage,
        String status,
        Instant startedAt,
        Optional<Instant> expiresAt,
        String timeoutAction) {
    public static final String AWAITING_ACTION = "AWAITING_ACTION";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String TIMED_OUT = "TIMED_OUT";

    public HookRun {
        Objects.requireNonNull(hookId, "hookId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        Objects.requireNonNull(timeoutAction, "timeoutAction");
    }

    public boolean awaiting() {
        return status.equals(AWAITING_ACTION);
    }

    public HookRun withStatus(String s) {
        return new HookRun(hookId, stage, s, startedAt, expiresAt, timeoutAction);
    }

    /** The deterministic id of the hook a deployment reaches at a stage (a restart finds the same one). */
    public static String idFor(String deploymentId, LifecycleStage stage) {
        return DeploymentMath.deploymentNumber(deploymentId) + "-"
                + stage.name().toLowerCase(java.util.Locale.ROOT);
    }
}
