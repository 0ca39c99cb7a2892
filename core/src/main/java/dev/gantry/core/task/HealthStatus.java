package dev.gantry.core.task;

/** Container and task health as ECS reports it. */
public enum HealthStatus {
    HEALTHY,
    UNHEALTHY,
    UNKNOWN
}
