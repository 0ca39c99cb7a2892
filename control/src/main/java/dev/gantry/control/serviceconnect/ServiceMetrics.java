package dev.gantry.control.serviceconnect;

import dev.gantry.router.RequestMetrics;

/** A Service Connect endpoint's request counters: the service that serves it and the router's counts. */
public record ServiceMetrics(String serviceArn, String endpoint, RequestMetrics metrics) {}
