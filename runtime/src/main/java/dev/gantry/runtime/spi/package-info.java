/**
 * The driver SPI: what the control plane needs from a container engine, task-shaped (a sandbox owns a task's
 * network namespace; its containers join it). {@link dev.gantry.runtime.spi.TaskDriver} performs effects and reports
 * observations, never decisions; optional abilities are side interfaces
 * ({@link dev.gantry.runtime.spi.LocalImages}). JDK types only, so a driver needs nothing else of Gantry (checked by
 * ArchitectureTest).
 */
package dev.gantry.runtime.spi;
