package dev.gantry.core.taskdef;

/** ECS task definition revision status. */
public enum TaskDefinitionStatus {
    ACTIVE,
    INACTIVE,
    DELETE_IN_PROGRESS
}
