/**
 * Launching and stopping tasks: what RunTask and StopTask do, callable by the ECS handlers today and by the
 * service scheduler and EventBridge next. {@link dev.gantry.control.launch.TaskLauncher} applies a validated
 * request once (core's validator and planners decide; it writes the tasks and their tags in one transaction and
 * hands them to the supervisor). The API layer only decodes, calls and renders.
 */
package dev.gantry.control.launch;
