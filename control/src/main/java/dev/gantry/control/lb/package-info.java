/**
 * Load balancing below the wire: the ELBv2 model (load balancers, target groups, listeners, rules, targets) as the
 * ELBv2 handlers and the service scheduler see it. {@link dev.gantry.control.lb.LoadBalancing} holds the ELBv2
 * operations (validation with messages that say what to change, ids from an injected {@code IdSource}, times from
 * an {@code InstantSource}, writes through {@code store/lb}); the pure rules are {@code HealthCheckRules},
 * {@code TargetGroupAttributes}, {@code LoadBalancerAttributes}, {@code ListenerAttributes}, {@code ActionRules},
 * {@code ConditionRules}, {@code LbNames} and {@code HealthReport}.
 *
 * <p>{@link dev.gantry.control.lb.TargetGroupRegistry} (implemented by {@code LbTargetGroupRegistry}) is the seam
 * the service scheduler uses to put a task's address behind a target group, drain it and read its health. The
 * router (the data plane, its own module) probes targets and moves the traffic; it is reached through two narrow
 * interfaces: {@link dev.gantry.control.lb.RoutingSink} receives a whole immutable
 * {@link dev.gantry.control.lb.RoutingSnapshot} after each committed change and at start, and
 * {@link dev.gantry.control.lb.TargetHealthSource} answers the checked health of a target.
 */
package dev.gantry.control.lb;
