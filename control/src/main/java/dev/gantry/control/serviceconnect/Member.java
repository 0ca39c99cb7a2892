package dev.gantry.control.serviceconnect;

import dev.gantry.core.service.ServiceConnect;
import dev.gantry.core.task.Task;
import java.util.List;
import java.util.Objects;

/**
 * A service as Service Connect sees it: its namespace, the endpoints it offers there (its newest Service Connect
 * deployment's; none for a client-only service) and its tasks (every deployment's).
 */
public record Member(
        String serviceArn, String namespaceArn, List<ServiceConnect.Endpoint> endpoints, List<Task> tasks) {
    public Member {
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(namespaceArn, "namespaceArn");
        endpoints = List.copyOf(endpoints);
        tasks = List.copyOf(tasks);
    }
}
