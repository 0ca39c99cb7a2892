/**
 * Target health: the states and reason codes ELBv2 reports, the pure per-target state machine
 * ({@link dev.gantry.router.health.HealthMachine}: thresholds, transitions, reasons) and the non-blocking prober that
 * feeds it. Health lives in the router, next to the traffic it gates; the control plane reads it through
 * {@link dev.gantry.router.Router#targetHealth()} and {@link dev.gantry.router.Router#onHealthChange}.
 */
package dev.gantry.router.health;
