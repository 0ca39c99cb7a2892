package dev.gantry.control.service;

import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the planner looks at for one service, read at one moment: the service, all its deployments (newest
 * first, INACTIVE ones too: a rollback returns to the last COMPLETED one), its tasks (unfinished, and those that
 * stopped recently), the scheduler's marks on them, the health of each registered target (task id → target group
 * ARN → health), the target groups its load balancers name, and the time.
 */
public record ServiceState(
        Service service,
        List<Deployment> deployments,
        List<Task> tasks,
        Map<String, TaskMark> marks,
        Map<String, Map<String, TargetHealth>> targetHealth,
        Map<String, TargetGroupRef> targetGroups,
        Instant now) {

    public ServiceState {
        Objects.requireNonNull(service, "service");
        deployments = List.copyOf(deployments);
        tasks = List.copyOf(tasks);
        marks = Map.copyOf(marks);
        targetHealth = Map.copyOf(targetHealth);
        targetGroups = Map.copyOf(targetGroups);
        Objects.requireNonNull(now, "now");
    }
}
