package dev.gantry.core.service;

/** PRIMARY: the newest deployment; ACTIVE: an older one still holding tasks; INACTIVE: fully replaced. */
public enum DeploymentStatus {
    PRIMARY,
    ACTIVE,
    INACTIVE
}
