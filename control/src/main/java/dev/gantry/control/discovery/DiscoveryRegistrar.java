package dev.gantry.control.discovery;

import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.Instance;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write seam the ECS registration loop uses (ECS's {@code serviceRegistries}): look a Cloud Map service up by id
 * or ARN, register a task as an instance with ECS's attributes, set its health (an ECS-registered instance's health
 * follows its task's, whatever the service's health settings), deregister it. Each change is a Cloud Map operation
 * (ListOperations shows it) and nudges the {@link DiscoveryView} listeners. Errors are Cloud Map's (ServiceNotFound,
 * InvalidInput for attributes the service's records need).
 */
public interface DiscoveryRegistrar {

    /** The service an ECS {@code registryArn} names (its ARN, or its id). */
    Optional<DiscoveryService> service(String serviceIdOrArn);

    /** Registers (or re-registers) {@code instanceId} with {@code attributes} and {@code health}; the operation id. */
    String register(String serviceId, String instanceId, Map<String, String> attributes, HealthStatus health);

    /** Sets a registered instance's health; false when it is not registered (or already so). */
    boolean setHealth(String serviceId, String instanceId, HealthStatus health);

    /** Deregisters {@code instanceId}; false when it was not registered (so a repeat is harmless). */
    boolean deregister(String serviceId, String instanceId);

    /** The service's registered instances (for a planner to compare with the tasks that should be). */
    List<Instance> instances(String serviceId);
}
