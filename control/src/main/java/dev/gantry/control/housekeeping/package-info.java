/**
 * Periodic clean-up that finishes what an API call started: revisions left DELETE_IN_PROGRESS while tasks used them,
 * log events past their group's retention. (Forgetting stopped tasks and reaping engine objects stays with the task
 * supervisor, which knows which tasks are live.)
 */
package dev.gantry.control.housekeeping;
