package dev.gantry.control.housekeeping;

import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.TaskDefinitionStatus;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import java.util.Optional;

/**
 * Finishes DeleteTaskDefinitions: a DELETE_IN_PROGRESS revision is removed for good (with its tags) once no
 * unfinished task runs from it. RunTask refuses revisions that are not ACTIVE, so none can start from it meanwhile;
 * stopped tasks keep their own copy of the definition and stay describable.
 */
public final class DeletedRevisions {
    private static final int ROUND = 500;

    private final TaskDefinitionStore definitions;
    private final TaskStore tasks;
    private final TagStore tags;

    public DeletedRevisions(TaskDefinitionStore definitions, TaskStore tasks, TagStore tags) {
        this.definitions = definitions;
        this.tasks = tasks;
        this.tags = tags;
    }

    /** Removes the revision if no unfinished task uses it; true when it is gone. */
    public boolean deleteIfUnused(TaskDefinition td) {
        if (tasks.anyUnfinishedUsing(td.taskDefinitionArn())) {
            return false;
        }
        definitions.delete(td.family(), td.revision());
        tags.removeAll(td.taskDefinitionArn());
        return true;
    }

    /** One housekeeping round over the DELETE_IN_PROGRESS revisions; returns how many were removed. */
    public int purge() {
        int removed = 0;
        for (TaskDefinition td : definitions.list(Optional.empty(), TaskDefinitionStatus.DELETE_IN_PROGRESS, false,
                0, ROUND).items()) {
            if (deleteIfUnused(td)) {
                removed++;
            }
        }
        return removed;
    }
}
