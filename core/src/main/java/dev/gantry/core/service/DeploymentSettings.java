package dev.gantry.core.service;

/**
 * A service's {@code deploymentConfiguration} as the scheduler acts on it: the ROLLING bounds and the circuit
 * breaker. Defaults as ECS's for REPLICA services: 100 / 200, breaker off.
 */
public record DeploymentSettings(
        int minimumHealthyPercent, int maximumPercent, boolean circuitBreakerEnabled, boolean rollback) {

    public static final DeploymentSettings DEFAULTS = new DeploymentSettings(100, 200, false, false);

    public DeploymentSettings {
        if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
            throw new IllegalArgumentException("minimumHealthyPercent must be 0-100: " + minimumHealthyPercent);
        }
        if (maximumPercent < 100) {
            throw new IllegalArgumentException("maximumPercent must be at least 100: " + maximumPercent);
        }
    }
}
