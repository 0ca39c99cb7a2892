package dev.gantry.core.servicediscovery;

/** How Route 53 answers for a service: up to eight healthy records (MULTIVALUE) or one chosen record (WEIGHTED). */
public enum RoutingPolicy {
    MULTIVALUE,
    WEIGHTED
}
