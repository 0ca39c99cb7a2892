package dev.gantry.core.servicediscovery;

/** An instance's health as Cloud Map reports it; UNKNOWN for a service without health checking. */
public enum HealthStatus {
    HEALTHY,
    UNHEALTHY,
    UNKNOWN;

    /** Whether DNS and a HEALTHY discovery answer with it: UNKNOWN counts (no checking means every instance). */
    public boolean servesTraffic() {
        return this != UNHEALTHY;
    }
}
