/**
 * The task as Gantry keeps it: the immutable spec ({@link dev.gantry.core.task.TaskSpec}), the desired half
 * ({@link dev.gantry.core.task.TaskDesired}, one writer: the first stop decision) and the observed half
 * ({@link dev.gantry.core.task.TaskObserved}, one writer: the task's runner). The ordered internal lifecycle
 * ({@link dev.gantry.core.task.TaskPhase}) maps onto ECS's {@code lastStatus} in one switch; stop codes and
 * reasons are worded as ECS words them. These are internal records: typed (enums, Optionals), not wire-shaped.
 */
package dev.gantry.core.task;
