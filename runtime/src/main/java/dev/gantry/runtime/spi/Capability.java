package dev.gantry.runtime.spi;

/**
 * An optional behaviour a driver declares in {@link TaskDriver#capabilities()}, so the control plane (and the
 * driver contract test) knows what to expect of it.
 */
public enum Capability {
    /**
     * Runs a container's {@link HealthSpec}, reports the result in {@link ContainerObservation#health()} and pushes
     * a {@link RuntimeEvent.HealthChanged} on each change.
     */
    HEALTH_CHECKS
}
