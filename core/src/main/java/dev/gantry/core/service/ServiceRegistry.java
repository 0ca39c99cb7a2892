package dev.gantry.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code serviceRegistries} entry of a service: the Cloud Map service (by ARN) its tasks are registered in, and
 * the port registered with them — {@code port} as given, or a container's {@code containerPort} — when the
 * registry's records need one (SRV). Checked against the registry and the task definition by the ECS handlers.
 */
public record ServiceRegistry(
        String registryArn, Optional<Integer> port, Optional<String> containerName, Optional<Integer> containerPort) {
    public ServiceRegistry {
        Objects.requireNonNull(registryArn, "registryArn");
        port = port == null ? Optional.empty() : port;
        containerName = containerName == null ? Optional.empty() : containerName;
        containerPort = containerPort == null ? Optional.empty() : containerPort;
        port.ifPresent(ServiceRegistry::checkPort);
        containerPort.ifPresent(ServiceRegistry::checkPort);
    }

    /** The port registered as AWS_INSTANCE_PORT: {@code port}, else {@code containerPort}, else none. */
    public Optional<Integer> instancePort() {
        return port.or(() -> containerPort);
    }

    private static void checkPort(int p) {
        if (p < 0 || p > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + p);
        }
    }
}
