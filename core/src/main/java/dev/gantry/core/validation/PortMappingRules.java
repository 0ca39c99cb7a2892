package dev.gantry.core.validation;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.PortMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Port mapping rules under {@code awsvpc}: every container shares the task's network namespace, so hostPort
 * must equal containerPort and a port/protocol pair may be used once per task.
 */
final class PortMappingRules {
    static final String AWSVPC_PORTS =
            "When networkMode=awsvpc, the host ports and container ports in port mappings must match.";
    static final List<String> PROTOCOLS = List.of("tcp", "udp");
    static final List<String> APP_PROTOCOLS = List.of("http", "http2", "grpc");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,63}");

    private PortMappingRules() {}

    /** The mappings of one container on their own. */
    static void validate(String name, List<PortMapping> mappings) {
        if (mappings == null) {
            return;
        }
        for (PortMapping p : mappings) {
            if (p == null || p.containerPort() == null) {
                throw Problems.container(name, "Every port mapping needs a 'containerPort' between 1 and 65535.");
            }
            int port = p.containerPort();
            if (port < 1 || port > 65535) {
                throw Problems.container(
                        name, "containerPort " + port + " is out of range; it must be between 1 " + "and 65535.");
            }
            if (p.hostPort() != null && p.hostPort() != port) {
                throw Problems.task(AWSVPC_PORTS + " Container '" + name + "' maps containerPort " + port
                        + " to hostPort " + p.hostPort() + "; omit hostPort or set it to " + port + ".");
            }
            if (p.protocol() != null && !PROTOCOLS.contains(p.protocol())) {
                throw Problems.container(
                        name,
                        "Port mapping protocol '" + p.protocol() + "' is not valid; use "
                                + "\"tcp\" (the default) or \"udp\".");
            }
            if (p.name() != null && !PORT_NAME.matcher(p.name()).matches()) {
                throw Problems.container(
                        name,
                        "Port mapping name '" + p.name() + "' is not valid: up to 64 "
                                + "lowercase letters, numbers, underscores and hyphens, not starting with a hyphen.");
            }
            if (p.appProtocol() != null && !APP_PROTOCOLS.contains(p.appProtocol())) {
                throw Problems.container(
                        name,
                        "Port mapping appProtocol '" + p.appProtocol() + "' is not valid; " + "use one of "
                                + String.join(", ", APP_PROTOCOLS) + ".");
            }
        }
    }

    /** Port/protocol pairs and port names are unique across the task. Assumes {@link #validate} passed. */
    static void validateAcrossTask(List<ContainerDefinition> containers) {
        Map<String, String> portOwners = new HashMap<>();
        Map<String, String> nameOwners = new HashMap<>();
        for (ContainerDefinition c : containers) {
            for (PortMapping p : c.portMappingsOrEmpty()) {
                String key = p.containerPort() + "/" + p.protocolOrDefault();
                String owner = portOwners.putIfAbsent(key, c.name());
                if (owner != null) {
                    throw Problems.task("Port " + key + " is mapped more than once (container '" + owner + "' and "
                            + "container '" + c.name() + "'). Containers in an awsvpc task share one network "
                            + "interface, so each containerPort/protocol pair can be mapped only once per task.");
                }
                if (p.name() != null) {
                    String named = nameOwners.putIfAbsent(p.name(), c.name());
                    if (named != null) {
                        throw Problems.task("Port mapping name '" + p.name() + "' is used more than once (container '"
                                + named + "' and container '" + c.name() + "'); port names must be unique in a task.");
                    }
                }
            }
        }
    }
}
