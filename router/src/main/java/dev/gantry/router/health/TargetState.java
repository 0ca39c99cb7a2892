package dev.gantry.router.health;

import java.util.Locale;

/** ELBv2's target health states (DescribeTargetHealth's {@code State}). */
public enum TargetState {
    INITIAL,
    HEALTHY,
    UNHEALTHY,
    DRAINING,
    UNUSED;

    /** The wire value: {@code initial}, {@code healthy}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
