package dev.gantry.core.task;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.TaskDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pure: builds the new tasks of a RunTask call, in PROVISIONING with desired status RUNNING. */
public final class TaskFactory {
    private TaskFactory() {}

    /** What a RunTask call decided, after validation and overrides. */
    public record Launch(
            String clusterArn,
            String clusterName,
            TaskDefinition effectiveDefinition,
            int count,
            String group,
            Optional<String> startedBy,
            Map<String, Object> overrides,
            List<Tag> tags) {}

    public static List<Task> create(Launch l, Arns arns, IdSource ids, Instant now) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < l.count(); i++) {
            String taskId = ids.taskId();
            List<ContainerState> containers = new ArrayList<>();
            for (ContainerDefinition c : l.effectiveDefinition().containers()) {
                containers.add(ContainerState.pending(c.name(), ids.uuid()));
            }
            TaskSpec spec = new TaskSpec(
                    arns.task(l.clusterName(), taskId),
                    taskId,
                    l.clusterArn(),
                    l.clusterName(),
                    l.effectiveDefinition(),
                    l.effectiveDefinition().cpu(),
                    l.effectiveDefinition().memory(),
                    l.group(),
                    l.startedBy(),
                    "FARGATE",
                    "1.4.0",
                    l.overrides(),
                    l.tags(),
                    now);
            tasks.add(new Task(spec, TaskDesired.running(), TaskObserved.initial(containers), 1));
        }
        return tasks;
    }
}
