package dev.gantry.runtime.spi;

/** A container's health as the engine reports it. NONE: the container has no health check. */
public enum Health {
    NONE,
    STARTING,
    HEALTHY,
    UNHEALTHY
}
