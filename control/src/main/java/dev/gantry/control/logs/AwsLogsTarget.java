package dev.gantry.control.logs;

import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.LogConfiguration;
import java.util.Optional;

/** Where one container's awslogs output goes: group and stream {@code prefix/container-name/task-id}. */
public record AwsLogsTarget(String group, String stream, boolean createGroup) {

    public static Optional<AwsLogsTarget> of(TaskSpec task, ContainerDefinition c) {
        LogConfiguration lc = c.logConfiguration();
        if (lc == null || !"awslogs".equals(lc.logDriver())) {
            return Optional.empty();
        }
        Optional<String> group = lc.option("awslogs-group");
        if (group.isEmpty()) {
            return Optional.empty();
        }
        String prefix = lc.option("awslogs-stream-prefix").orElse("ecs");
        boolean create =
                lc.option("awslogs-create-group").map("true"::equalsIgnoreCase).orElse(false);
        return Optional.of(new AwsLogsTarget(group.get(), prefix + "/" + c.name() + "/" + task.taskId(), create));
    }
}
