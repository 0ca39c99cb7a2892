package dev.gantry.core.lifecycle;

import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.taskdef.ContainerDefinition;
import java.util.List;
import java.util.Map;

/**
 * Task health from container health, as ECS computes it: only essential containers with a health check count;
 * UNHEALTHY if any of them is, HEALTHY if all of them are, UNKNOWN otherwise (or when none has a check).
 */
public final class TaskHealth {
    private TaskHealth() {}

    public static HealthStatus of(List<ContainerDefinition> definitions, Map<String, ContainerState> states) {
        List<ContainerDefinition> checked = definitions.stream()
                .filter(d -> d.essentialOrDefault() && d.healthCheck() != null)
                .toList();
        if (checked.isEmpty()) {
            return HealthStatus.UNKNOWN;
        }
        boolean allHealthy = true;
        for (ContainerDefinition d : checked) {
            HealthStatus h = states.containsKey(d.name()) ? states.get(d.name()).healthStatus() : HealthStatus.UNKNOWN;
            if (h == HealthStatus.UNHEALTHY) {
                return HealthStatus.UNHEALTHY;
            }
            allHealthy &= h == HealthStatus.HEALTHY;
        }
        return allHealthy ? HealthStatus.HEALTHY : HealthStatus.UNKNOWN;
    }
}
