package dev.gantry.control.housekeeping;

import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.TaskDefinitionStatus;
import dev.gantry.store.Page;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import java.util.Optional;

/**
 * Finishes DeleteTaskDefinitions: a DELETE_IN_PROGRESS revision is removed for good (with its tags) once no
 * unfinished task runs from it and no deployment of a live service names it (the service scheduler may still launch
 * from it, or roll back to it). RunTask refuses revisions that are not ACTIVE, so none can start from it meanwhile;
 * stopped tasks keep their own copy of the definition and stay describable.
 */
public final class DeletedRevisions {
    static final int ROUND = 200;

    private final TaskDefinitionStore definitions;
    private final TaskStore tasks;
    private final TagStore tags;
    private final ServiceStore services;

    public DeletedRevisions(TaskDefinitionStore definitions, TaskStore tasks, TagStore tags, ServiceStore services) {
        this.definitions = definitions;
        this.tasks = tasks;
        this.tags = tags;
        this.services = services;
    }

    /** Removes the revision if no unfinished task and no live service's deployment uses it; true when it is gone. */
    public boolean deleteIfUnused(TaskDefinition td) {
        if (tasks.anyUnfinishedUsing(td.taskDefinitionArn()) || services.anyDeploymentUsing(td.taskDefinitionArn())) {
            return false;
        }
        tags.removeAll(td.taskDefinitionArn()); // first: a crash between the two leaves the revision to try again
        definitions.delete(td.family(), td.revision());
        return true;
    }

    /** One housekeeping round over the DELETE_IN_PROGRESS revisions; returns how many were removed. */
    public int purge() {
        int removed = 0;
        long kept = 0; // revisions still in use stay in the list, ahead of the rest: page past them
        Page<TaskDefinition> page;
        do {
            page = definitions.list(Optional.empty(), TaskDefinitionStatus.DELETE_IN_PROGRESS, false, kept, ROUND);
            for (TaskDefinition td : page.items()) {
                if (deleteIfUnused(td)) {
                    removed++;
                } else {
                    kept++;
                }
            }
        } while (page.nextToken().isPresent());
        return removed;
    }
}
