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

    /**
     * What a RunTask call decided, after validation and overrides. {@code networks}: the placement of each task in
     * turn (task {@code i} gets {@code networks[i % size]}); empty leaves the tasks unplaced.
     */
    public record Launch(
            String clusterArn,
            String clusterName,
            TaskDefinition effectiveDefinition,
            int count,
            String group,
            Optional<String> startedBy,
            Map<String, Object> overrides,
            List<Tag> tags,
            List<TaskNetwork> networks) {
        public Launch {
            networks = networks == null ? List.of() : List.copyOf(networks);
        }

        public Launch(
                String clusterArn,
                String clusterName,
                TaskDefinition effectiveDefinition,
                int count,
                String group,
                Optional<String> startedBy,
                Map<String, Object> overrides,
                List<Tag> tags) {
            this(clusterArn, clusterName, effectiveDefinition, count, group, startedBy, overrides, tags, List.of());
        }

        Optional<TaskNetwork> network(int index) {
            return networks.isEmpty() ? Optional.empty() : Optional.of(networks.get(index % networks.size()));
        }
    }

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
                    now,
                    l.network(i));
            tasks.add(new Task(spec, TaskDesired.running(), TaskObserved.initial(containers), 1));
        }
        return tasks;
    }
}
