package dev.gantry.core.service;

import java.util.List;
import java.util.Objects;

/**
 * How a BLUE_GREEN, LINEAR or CANARY deployment moves traffic (facts §6.4): the bake time after production traffic
 * moved, LINEAR's step (percent, minutes between steps), CANARY's first slice (percent, minutes it bakes), and PAUSE
 * hooks. Percentages are kept in tenths of a percent, as the API allows multiples of 0.1.
 */
public record TrafficShiftSettings(
        DeploymentStrategy strategy,
        int bakeTimeInMinutes,
        int stepPermille,
        int stepBakeTimeInMinutes,
        int canaryPermille,
        int canaryBakeTimeInMinutes,
        List<PauseHook> hooks) {

    public static final int DEFAULT_STEP_PERMILLE = 100;
    public static final int DEFAULT_STEP_BAKE_MINUTES = 6;
    public static final int DEFAULT_CANARY_PERMILLE = 50;
    public static final int DEFAULT_CANARY_BAKE_MINUTES = 10;
    public static final int MAX_MINUTES = 1440;

    /** A ROLLING service's: nothing shifts. */
    public static final TrafficShiftSettings ROLLING = new TrafficShiftSettings(
            DeploymentStrategy.ROLLING,
            0,
            DEFAULT_STEP_PERMILLE,
            DEFAULT_STEP_BAKE_MINUTES,
            DEFAULT_CANARY_PERMILLE,
            DEFAULT_CANARY_BAKE_MINUTES,
            List.of());

    public TrafficShiftSettings {
        Objects.requireNonNull(strategy, "strategy");
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        if (bakeTimeInMinutes < 0 || bakeTimeInMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("bakeTimeInMinutes must be 0-1440: " + bakeTimeInMinutes);
        }
        if (stepPermille < 30 || stepPermille > 1000) {
            throw new IllegalArgumentException("stepPercent must be 3.0-100.0: " + stepPermille / 10.0);
        }
        if (canaryPermille < 1 || canaryPermille > 1000) {
            throw new IllegalArgumentException("canaryPercent must be 0.1-100.0: " + canaryPermille / 10.0);
        }
        if (stepBakeTimeInMinutes < 0 || stepBakeTimeInMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("stepBakeTimeInMinutes must be 0-1440: " + stepBakeTimeInMinutes);
        }
        if (canaryBakeTimeInMinutes < 0 || canaryBakeTimeInMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("canaryBakeTimeInMinutes must be 0-1440: " + canaryBakeTimeInMinutes);
        }
    }
}
