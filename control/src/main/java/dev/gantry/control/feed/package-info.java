/**
 * The task-change feed: after each committed change of a task's phase, health or containers, the task's runner
 * publishes a {@link dev.gantry.control.feed.TaskTransition}; subscribers (services, target registration,
 * EventBridge, scale-to-zero, to come) receive them in order per task on their own threads. The store stays the
 * truth and the feed is the nudge: a subscriber can start from a snapshot of the store, a re-adopted task
 * publishes a RESYNC transition after a restart, and a subscriber that falls behind is resynced from the store
 * rather than ever blocking a runner.
 */
package dev.gantry.control.feed;
