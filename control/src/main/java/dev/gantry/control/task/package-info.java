/**
 * Tasks on the engine: {@link dev.gantry.control.task.TaskSupervisor} starts one
 * {@link dev.gantry.control.task.TaskRunner} (a virtual thread) per unfinished task, routes engine events to it,
 * re-adopts tasks after a restart and reaps labelled engine objects no task owns. A task's runner is the only
 * writer of its observed state (checked by ArchitectureTest); {@code ContainerWatch} and {@code TaskShutdown} are
 * its observing and stopping halves, {@code ContainerSpecs} the pure translation of a container definition into
 * the driver's spec.
 */
package dev.gantry.control.task;
