package dev.gantry.core.service;

/** A service's status as ECS reports it: ACTIVE, DRAINING after DeleteService, INACTIVE once its tasks are gone. */
public enum ServiceStatus {
    ACTIVE,
    DRAINING,
    INACTIVE
}
