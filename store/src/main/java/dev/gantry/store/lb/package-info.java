/**
 * ELBv2 state in SQLite (migration V4): {@link dev.gantry.store.lb.LbStore} (load balancers, listeners, rules and
 * which of them forward to which target group), {@link dev.gantry.store.lb.TargetGroupStore} (target groups and
 * their registered or draining targets) and {@link dev.gantry.store.lb.LbTagStore}. Each write that must keep
 * them consistent (a listener's port, a rule's priority, a load balancer's deletion with its listeners and rules)
 * checks and writes in one transaction. {@link dev.gantry.store.lb.LbState} is everything, read in one go.
 */
package dev.gantry.store.lb;
