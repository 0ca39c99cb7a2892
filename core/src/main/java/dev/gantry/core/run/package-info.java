/**
 * RunTask: the request in ECS's wire shape ({@link dev.gantry.core.run.RunTaskRequest} and its member records),
 * its validation ({@link dev.gantry.core.run.RunTaskValidator}) and the pure planning step that applies
 * overrides to a task definition ({@link dev.gantry.core.run.RunTaskPlanner}).
 *
 * <p>The records carry only Jackson annotations (core does not depend on jackson-databind); their components
 * are nullable because absence is meaningful on the wire. Nothing here does I/O, reads the clock or keeps state.
 * Gantry runs every task on Fargate, so only the FARGATE launch type and the FARGATE / FARGATE_SPOT capacity
 * providers are accepted.
 */
package dev.gantry.core.run;
