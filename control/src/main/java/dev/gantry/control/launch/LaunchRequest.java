package dev.gantry.control.launch;

import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.taskdef.TaskDefinition;
import java.util.Map;
import java.util.Objects;

/**
 * One launch: the cluster and the task definition revision it names (both resolved by the caller), the RunTask
 * request in core's shape, and its {@code overrides} exactly as given (kept on the task and echoed by
 * DescribeTasks).
 */
public record LaunchRequest(
        Cluster cluster, TaskDefinition definition, RunTaskRequest request, Map<String, Object> overridesAsGiven) {

    public LaunchRequest {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(request, "request");
        overridesAsGiven = overridesAsGiven == null ? Map.of() : Map.copyOf(overridesAsGiven);
    }
}
