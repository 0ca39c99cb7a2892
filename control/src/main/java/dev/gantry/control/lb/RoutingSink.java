package dev.gantry.control.lb;

/**
 * Where the load-balancing configuration goes after each committed change, and once at start-up: the data plane
 * (the router, adapted by the server wiring). Called on one thread at a time, in version order; it must not
 * block for long (swap the snapshot in, do the work elsewhere).
 */
@FunctionalInterface
public interface RoutingSink {

    void apply(RoutingSnapshot snapshot);

    /** A sink that drops every snapshot (no data plane wired). */
    RoutingSink NONE = snapshot -> {};
}
