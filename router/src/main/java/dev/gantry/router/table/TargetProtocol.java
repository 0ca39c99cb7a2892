package dev.gantry.router.table;

/** How the router talks to a target group's targets, and the default protocol of its health checks. */
public enum TargetProtocol {
    HTTP,
    TCP
}
