package dev.gantry.core.task;

import dev.gantry.core.tag.Tag;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.TaskDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What RunTask asked for, fixed when the task is created: the task definition with overrides already applied
 * (so the runner never re-reads a revision that may since have changed), plus ECS's bookkeeping fields.
 * {@code overrides} is the request's overrides object as the client sent it, echoed back in DescribeTasks.
 */
public record TaskSpec(
        String taskArn,
        String taskId,
        String clusterArn,
        String clusterName,
        TaskDefinition taskDefinition,
        String cpu,
        String memory,
        String group,
        Optional<String> startedBy,
        String launchType,
        String platformVersion,
        Map<String, Object> overrides,
        List<Tag> tags,
        Instant createdAt) {

    public TaskSpec {
        startedBy = startedBy == null ? Optional.empty() : startedBy;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public List<ContainerDefinition> containers() {
        return taskDefinition.containers();
    }

    public String family() {
        return taskDefinition.family();
    }

    public Optional<ContainerDefinition> container(String name) {
        return containers().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
