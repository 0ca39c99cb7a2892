/**
 * ECS services as Gantry keeps them (internal records, ADR 6): the service's desired half ({@link
 * dev.gantry.core.service.ServiceSpec}), its deployments ({@link dev.gantry.core.service.Deployment}), its events,
 * the pure deployment arithmetic ({@link dev.gantry.core.service.DeploymentMath}: min/max percent bounds,
 * circuit-breaker threshold, start back-off) and ECS's event texts ({@link dev.gantry.core.service.ServiceMessages}).
 */
package dev.gantry.core.service;
