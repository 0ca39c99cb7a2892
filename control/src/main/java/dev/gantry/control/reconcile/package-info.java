/**
 * The reconcile runtime the control loops run on (services, deployments, target health, autoscaling, alarms): a
 * {@link dev.gantry.control.reconcile.Controller} works keys from a de-duplicating
 * {@code WorkQueue} with a bounded pool of virtual-thread workers, one worker per key at a time, capped
 * exponential {@link dev.gantry.control.reconcile.Backoff} per failing key, honoured
 * {@link dev.gantry.control.reconcile.Result.RequeueAfter requeue-after}, periodic resync from a lister, and an
 * orderly shutdown. A loop supplies only a {@link dev.gantry.control.reconcile.Reconciler} (plan with a pure
 * planner, apply, return a {@link dev.gantry.control.reconcile.Result}) and says which events enqueue which key.
 *
 * <p>Timing goes through an injected {@link java.time.InstantSource} and
 * {@link dev.gantry.control.reconcile.Scheduler}, so tests drive a clock by hand instead of sleeping.
 * Modelled on client-go's workqueue and Knative's controller; see docs/adr/0007-reconcile-runtime.md.
 */
package dev.gantry.control.reconcile;
