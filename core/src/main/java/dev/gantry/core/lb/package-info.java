/**
 * The ELBv2 model as Gantry keeps it: load balancers, listeners and their rules, actions (forward to weighted
 * target groups, fixed-response, redirect), rule conditions, target groups with their health-check settings and
 * attributes, and registered (or draining) targets. Immutable records, stored by {@code store/lb}, validated and
 * written by {@code control/lb}, shown by {@code api/elbv2}; {@link dev.gantry.core.lb.LbError} names ELBv2's
 * errors. No wire annotations (ADR 6).
 */
package dev.gantry.core.lb;
