/**
 * Traffic shifting for ECS-native BLUE_GREEN, LINEAR and CANARY deployments: {@link
 * dev.gantry.control.deployment.TrafficPlanner}, a pure function from a deployment's {@link
 * dev.gantry.core.service.TrafficShift} (stage, production share, hooks), what the scheduler observed (green ready,
 * blue gone, circuit breaker) and the time to the next shift state, and {@link dev.gantry.control.deployment.Weights},
 * the listener-rule weights a share becomes. The service scheduler (control/service) asks it and applies the result:
 * tasks through its own actions, rule weights through control/lb.
 */
package dev.gantry.control.deployment;
