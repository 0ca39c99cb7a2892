package dev.gantry.core.service;

/**
 * A service's {@code deploymentConfiguration} as the scheduler acts on it: the ROLLING bounds, the circuit breaker
 * and, for BLUE_GREEN, LINEAR and CANARY, how traffic shifts. Defaults as ECS's for REPLICA services: 100 / 200,
 * breaker off, ROLLING.
 */
public record DeploymentSettings(
        int minimumHealthyPercent,
        int maximumPercent,
        boolean circuitBreakerEnabled,
        boolean rollback,
        TrafficShiftSettings shift) {

    public static final DeploymentSettings DEFAULTS = new DeploymentSettings(100, 200, false, false);

    public DeploymentSettings {
        if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
            throw new IllegalArgumentException("minimumHealthyPercent must be 0-100: " + minimumHealthyPercent);
        }
        if (maximumPercent < 100) {
            throw new IllegalArgumentException("maximumPercent must be at least 100: " + maximumPercent);
        }
        shift = shift == null ? TrafficShiftSettings.ROLLING : shift;
    }

    /** ROLLING settings. */
    public DeploymentSettings(
            int minimumHealthyPercent, int maximumPercent, boolean circuitBreakerEnabled, boolean rollback) {
        this(minimumHealthyPercent, maximumPercent, circuitBreakerEnabled, rollback, TrafficShiftSettings.ROLLING);
    }

    public DeploymentStrategy strategy() {
        return shift.strategy();
    }
}
