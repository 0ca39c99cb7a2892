package dev.gantry.store.ecs;

import dev.gantry.core.task.Task;
import java.util.List;

/** What {@link TaskStore#insertAll} did: stored the new tasks, or found that the client token already started some. */
public sealed interface TaskInsert {
    List<Task> tasks();

    /** The tasks were stored, with their tags. */
    record Inserted(List<Task> tasks) implements TaskInsert {
        public Inserted {
            tasks = List.copyOf(tasks);
        }
    }

    /** Nothing was stored: this client token already started {@code tasks} in the cluster. */
    record TokenAlreadyUsed(List<Task> tasks) implements TaskInsert {
        public TokenAlreadyUsed {
            tasks = List.copyOf(tasks);
        }
    }
}
