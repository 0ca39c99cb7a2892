package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.control.discovery.DiscoveryRegistry;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code serviceRegistries} on CreateService and UpdateService, checked as ECS checks them for awsvpc tasks: at most
 * one entry; its {@code registryArn} names a Cloud Map service that exists; {@code port} or the
 * {@code containerName} + {@code containerPort} pair (a port mapping of that container), never both; a port is
 * required when the registry has SRV records and refused when it has only A/AAAA records (an HTTP namespace's
 * service takes either).
 */
final class RegistryRequests {
    static final String AT_MOST_ONE =
            "Only one service registry is supported per service; this service has %d. Remove the others.";
    static final String ARN_REQUIRED = "serviceRegistries[].registryArn is required: the ARN of a Cloud Map "
            + "service (aws servicediscovery create-service).";
    static final String NOT_FOUND = "The service registry %s does not exist. Create it with aws servicediscovery "
            + "create-service and give its ARN.";
    static final String NOT_BOTH = "Specify a value for either 'port' or the 'containerName' and 'containerPort' "
            + "combination, but not both. Remove one and retry.";
    static final String PAIR = "Specify both 'containerName' and 'containerPort' in serviceRegistries, or neither.";
    static final String SRV_NEEDS_PORT = "When specifying 'awsvpc' for networkMode, a value for either 'port' or the "
            + "'containerName' and 'containerPort' combination must be specified for a service registry with SRV "
            + "records. Registry: %s";
    static final String NOT_REQUIRED = "The values specified for serviceRegistries do not require a value for '%s'. "
            + "Remove the value and retry. Registry: %s";
    static final String NO_CONTAINER = "The container %s does not exist in the task definition %s.";
    static final String NO_PORT = "The container %s did not have a container port %d defined. Add it to the "
            + "container's portMappings or use one of its ports.";

    private RegistryRequests() {}

    /** The request's {@code serviceRegistries}, decoded (not yet checked against a task definition). */
    static Optional<List<ServiceRegistry>> read(JsonNode in) {
        JsonNode regs = in.get("serviceRegistries");
        if (regs == null || regs.isNull()) {
            return Optional.empty();
        }
        if (!regs.isArray()) {
            throw ApiException.serialization("'serviceRegistries' must be a list.");
        }
        if (regs.size() > 1) {
            throw ApiException.invalidParameter(String.format(AT_MOST_ONE, regs.size()));
        }
        List<ServiceRegistry> out = new ArrayList<>();
        for (JsonNode r : regs) {
            if (!r.isObject()) {
                throw ApiException.serialization("Each serviceRegistries entry must be an object.");
            }
            String arn = Input.string(r, "registryArn")
                    .filter(s -> !s.isEmpty())
                    .orElseThrow(() -> ApiException.invalidParameter(ARN_REQUIRED));
            Optional<Integer> port = Input.integer(r, "port");
            Optional<String> container = Input.string(r, "containerName").filter(s -> !s.isEmpty());
            Optional<Integer> containerPort = Input.integer(r, "containerPort");
            for (Optional<Integer> p : List.of(port, containerPort)) {
                if (p.isPresent() && (p.get() < 0 || p.get() > 65_535)) {
                    throw ApiException.invalidParameter(
                            "serviceRegistries port values must be 0-65535; " + p.get() + " is not.");
                }
            }
            out.add(new ServiceRegistry(arn, port, container, containerPort));
        }
        return Optional.of(out);
    }

    /** Checks each entry against Cloud Map and the task definition the service runs. */
    static void check(List<ServiceRegistry> regs, TaskDefinition td, DiscoveryRegistry registries) {
        for (ServiceRegistry r : regs) {
            DiscoveryRegistry.Registry reg = registries
                    .registry(r.registryArn())
                    .orElseThrow(() -> ApiException.invalidParameter(String.format(NOT_FOUND, r.registryArn())));
            boolean pair = r.containerName().isPresent() || r.containerPort().isPresent();
            if (r.port().isPresent() && pair) {
                throw ApiException.invalidParameter(NOT_BOTH);
            }
            if (r.containerName().isPresent() != r.containerPort().isPresent()) {
                throw ApiException.invalidParameter(PAIR);
            }
            if (reg.srv() && r.instancePort().isEmpty()) {
                throw ApiException.invalidParameter(String.format(SRV_NEEDS_PORT, r.registryArn()));
            }
            if (reg.dns() && !reg.srv()) {
                if (r.containerPort().isPresent()) {
                    throw ApiException.invalidParameter(String.format(NOT_REQUIRED, "containerPort", r.registryArn()));
                }
                if (r.port().isPresent()) {
                    throw ApiException.invalidParameter(String.format(NOT_REQUIRED, "port", r.registryArn()));
                }
            }
            if (r.containerName().isPresent()) {
                String name = r.containerName().get();
                int port = r.containerPort().orElseThrow();
                ContainerDefinition c = td.containers().stream()
                        .filter(x -> x.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> ApiException.invalidParameter(
                                String.format(NO_CONTAINER, name, td.taskDefinitionArn())));
                boolean mapped = c.portMappingsOrEmpty().stream()
                        .map(PortMapping::containerPort)
                        .anyMatch(p -> p != null && p == port);
                if (!mapped) {
                    throw ApiException.invalidParameter(String.format(NO_PORT, name, port));
                }
            }
        }
    }
}
