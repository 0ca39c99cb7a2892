/**
 * Load balancing below the wire: the ELBv2 model (load balancers, target groups, listeners, rules, targets) as the
 * ELBv2 handlers and the service scheduler see it. {@link dev.gantry.control.lb.TargetGroupRegistry} is the seam
 * the service scheduler uses to put a task's address behind a target group, drain it and read its health; the
 * router (the data plane, its own module) probes targets and moves the traffic.
 */
package dev.gantry.control.lb;
