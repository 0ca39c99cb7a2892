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
 * {@code network}: the subnet and security groups the task was placed in; empty for tasks stored before placement
 * existed (their sandbox is on the default subnet's network).
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
        Instant createdAt,
        Optional<TaskNetwork> network) {

    public TaskSpec {
        startedBy = startedBy == null ? Optional.empty() : startedBy;
        network = network == null ? Optional.empty() : network;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A task not (yet) placed: as stored before placement existed. */
    public TaskSpec(
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
        this(
                taskArn,
                taskId,
                clusterArn,
                clusterName,
                taskDefinition,
                cpu,
                memory,
                group,
                startedBy,
                launchType,
                platformVersion,
                overrides,
                tags,
                createdAt,
                Optional.empty());
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
