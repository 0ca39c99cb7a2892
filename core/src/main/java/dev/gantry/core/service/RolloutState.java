package dev.gantry.core.service;

/** ECS's DeploymentRolloutState. */
public enum RolloutState {
    IN_PROGRESS,
    COMPLETED,
    FAILED
}
