/**
 * ECS state in SQLite: clusters, task-definition revisions, tasks, tags, installation settings. Writes are
 * field-owned, not generic: {@link dev.gantry.store.ecs.TaskStore} writes a task's spec once, its desired half only
 * by compare-and-set ({@code requestStop}) and its observed half only for the task's runner ({@code reportObserved}).
 */
package dev.gantry.store.ecs;
