/**
 * The ECS service scheduler. {@link dev.gantry.control.service.ServicePlanner} is pure: a service's spec,
 * deployments, tasks, marks, target health and the time in, a {@link dev.gantry.control.service.Plan} of
 * {@link dev.gantry.control.service.Action}s out (start, stop, register, drain, mark, roll back, emit an event).
 * {@link dev.gantry.control.service.ServiceApplier} carries a plan out through the task launcher, the target group
 * registry and the service store. {@link dev.gantry.control.service.ServiceScheduler} runs both on a
 * {@link dev.gantry.control.reconcile.Controller}, one key per service, woken by the task feed, target health
 * changes and the ECS handlers, with periodic resync.
 */
package dev.gantry.control.service;
