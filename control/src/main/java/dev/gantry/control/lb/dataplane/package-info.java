/**
 * The bridge between the ELBv2 control plane ({@code control/lb}) and the router (the data plane, module
 * {@code router/}): {@link dev.gantry.control.lb.dataplane.RoutingTables} translates each committed
 * {@link dev.gantry.control.lb.RoutingSnapshot} into a router table (a pure function),
 * {@link dev.gantry.control.lb.dataplane.HealthVerdicts} the router's target health into ELB's states and reason
 * codes, and {@link dev.gantry.control.lb.dataplane.RouterDataPlane} owns the running router and implements the
 * control plane's seams with them. The only package that sees {@code dev.gantry.router} (ArchitectureTest).
 */
package dev.gantry.control.lb.dataplane;
