package dev.gantry.control.lb;

import java.util.Locale;

/** ELBv2's TargetHealthStateEnum; {@link #wireName()} is the name on the wire. */
public enum TargetState {
    INITIAL,
    HEALTHY,
    UNHEALTHY,
    UNHEALTHY_DRAINING,
    UNUSED,
    DRAINING,
    UNAVAILABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
