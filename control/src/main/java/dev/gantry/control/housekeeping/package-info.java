/**
 * Periodic clean-up that finishes what an API call started: revisions left DELETE_IN_PROGRESS while tasks used them,
 * log events past their group's retention. The task supervisor runs its own jobs on a {@link Housekeeper} too
 * (forgetting stopped tasks, reaping engine objects), since it knows which tasks are live.
 */
package dev.gantry.control.housekeeping;
