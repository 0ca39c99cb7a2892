package dev.gantry.control.service;

import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment's failures in a row, derived from its tasks and the scheduler's marks: tasks that failed (see
 * {@link TaskCheck#failedAt}) after the last moment one of the deployment's tasks counted as healthy (ECS's
 * resetOnHealthyTask). Pure, so a restarted scheduler counts the same.
 */
record Failures(int consecutive, Optional<Instant> last) {

    static Failures of(Deployment d, List<Task> tasks, Map<String, TaskMark> marks) {
        Optional<Instant> lastHealthy = tasks.stream()
                .filter(t -> d.id().equals(t.spec().startedBy().orElse("")))
                .map(t -> marks.get(t.taskId()))
                .filter(m -> m != null && m.healthyAt().isPresent())
                .map(m -> m.healthyAt().get())
                .max(Instant::compareTo);
        int count = 0;
        Optional<Instant> last = Optional.empty();
        for (Task t : tasks) {
            if (!d.id().equals(t.spec().startedBy().orElse(""))) {
                continue;
            }
            Optional<Instant> at = TaskCheck.failedAt(t);
            if (at.isPresent() && (lastHealthy.isEmpty() || at.get().isAfter(lastHealthy.get()))) {
                count++;
                if (last.isEmpty() || at.get().isAfter(last.get())) {
                    last = at;
                }
            }
        }
        return new Failures(count, last);
    }
}
