package dev.gantry.control.discovery;

import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one discovery pass over one ECS service sees. {@code registries}: the service's {@code serviceRegistries}
 * (empty once the service is INACTIVE or gone); {@code known}: those of them that exist in Cloud Map, by ARN;
 * {@code tasks}: the service's tasks from the store; {@code registered}: the instances Cloud Map holds in the
 * registries the service names or named earlier (only those with this service's ECS attributes are its own).
 */
public record DiscoveryState(
        String clusterName,
        String serviceName,
        String region,
        List<ServiceRegistry> registries,
        Map<String, DiscoveryRegistry.Registry> known,
        List<Task> tasks,
        List<DiscoveryRegistry.Instance> registered) {
    public DiscoveryState {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(region, "region");
        registries = List.copyOf(registries);
        known = Map.copyOf(known);
        tasks = List.copyOf(tasks);
        registered = List.copyOf(registered);
    }
}
