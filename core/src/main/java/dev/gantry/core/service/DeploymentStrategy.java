package dev.gantry.core.service;

/**
 * ECS's {@code deploymentConfiguration.strategy}. ROLLING replaces tasks within minimumHealthyPercent and
 * maximumPercent; the others start the new revision at full size beside the old one and move traffic by listener-rule
 * weights (facts §6.4): BLUE_GREEN all at once, LINEAR in steps, CANARY a first slice then the rest.
 */
public enum DeploymentStrategy {
    ROLLING,
    BLUE_GREEN,
    LINEAR,
    CANARY;

    /** Whether the strategy shifts traffic between two target groups (needs advancedConfiguration). */
    public boolean shiftsTraffic() {
        return this != ROLLING;
    }
}
