package dev.gantry.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The progress of one BLUE_GREEN, LINEAR or CANARY deployment (one writer: the service scheduler): which target
 * group of each load balancer is green (this deployment's) and which is blue (the deployment it replaces), the
 * lifecycle stage and when it began, the share of production traffic on green in tenths of a percent, when it last
 * moved, the PAUSE hooks reached, and the outcome. The settings are the service's at the deployment's start.
 */
public record TrafficShift(
        String deploymentId,
        String serviceArn,
        String blueDeploymentId,
        TrafficShiftSettings settings,
        List<String> greenGroups,
        List<String> blueGroups,
        LifecycleStage stage,
        Instant stageStartedAt,
        int productionPermille,
        Instant lastShiftAt,
        List<HookRun> hooks,
        Outcome outcome) {

    /** IN_PROGRESS until blue is removed (COMPLETED) or traffic went back to blue (ROLLED_BACK). */
    public enum Outcome {
        IN_PROGRESS,
        COMPLETED,
        ROLLED_BACK
    }

    public TrafficShift {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(blueDeploymentId, "blueDeploymentId");
        Objects.requireNonNull(settings, "settings");
        greenGroups = List.copyOf(greenGroups);
        blueGroups = List.copyOf(blueGroups);
        if (greenGroups.size() != blueGroups.size()) {
            throw new IllegalArgumentException("a green group per blue group");
        }
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageStartedAt, "stageStartedAt");
        if (productionPermille < 0 || productionPermille > 1000) {
            throw new IllegalArgumentException("productionPermille must be 0-1000: " + productionPermille);
        }
        Objects.requireNonNull(lastShiftAt, "lastShiftAt");
        hooks = List.copyOf(hooks);
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A shift that has not begun: blue has all the traffic. */
    public static TrafficShift begin(
            String deploymentId,
            String serviceArn,
            String blueDeploymentId,
            TrafficShiftSettings settings,
            List<String> greenGroups,
            List<String> blueGroups,
            Instant now) {
        return new TrafficShift(
                deploymentId,
                serviceArn,
                blueDeploymentId,
                settings,
                greenGroups,
                blueGroups,
                LifecycleStage.PRE_SCALE_UP,
                now,
                0,
                now,
                List.of(),
                Outcome.IN_PROGRESS);
    }

    public TrafficShift at(LifecycleStage s, Instant now) {
        return new TrafficShift(
                deploymentId,
                serviceArn,
                blueDeploymentId,
                settings,
                greenGroups,
                blueGroups,
                s,
                now,
                productionPermille,
                lastShiftAt,
                hooks,
                outcome);
    }

    public TrafficShift production(int permille, Instant now) {
        return new TrafficShift(
                deploymentId,
                serviceArn,
                blueDeploymentId,
                settings,
                greenGroups,
                blueGroups,
                stage,
                stageStartedAt,
                permille,
                now,
                hooks,
                outcome);
    }

    public TrafficShift withHooks(List<HookRun> h) {
        return new TrafficShift(
                deploymentId,
                serviceArn,
                blueDeploymentId,
                settings,
                greenGroups,
                blueGroups,
                stage,
                stageStartedAt,
                productionPermille,
                lastShiftAt,
                h,
                outcome);
    }

    public TrafficShift finished(Outcome o) {
        return new TrafficShift(
                deploymentId,
                serviceArn,
                blueDeploymentId,
                settings,
                greenGroups,
                blueGroups,
                stage,
                stageStartedAt,
                productionPermille,
                lastShiftAt,
                hooks,
                o);
    }

    public boolean inProgress() {
        return outcome == Outcome.IN_PROGRESS;
    }

    /** Whether test traffic goes to green now (from TEST_TRAFFIC_SHIFT until a rollback). */
    public boolean testOnGreen() {
        return outcome != Outcome.ROLLED_BACK && stage.testOnGreen();
    }

    /** Whether green tasks may run: from SCALE_UP on, and never after a rollback. */
    public boolean greenScaled() {
        return outcome != Outcome.ROLLED_BACK && stage.compareTo(LifecycleStage.SCALE_UP) >= 0;
    }
}
