package dev.gantry.control.discovery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The seam to Cloud Map that ECS service discovery needs: what a registry (a Cloud Map service) is, which instances
 * an ECS service has registered, and the three writes ECS makes (RegisterInstance, DeregisterInstance,
 * UpdateInstanceCustomHealthStatus). Implemented over Gantry's Cloud Map; {@link #unavailable()} until it is wired.
 */
public interface DiscoveryRegistry {

    /** The Cloud Map service with this ARN, if it exists. */
    Optional<Registry> registry(String registryArn);

    /** The instances registered in the Cloud Map service with this ARN (none when it does not exist). */
    List<Instance> instances(String registryArn);

    /** RegisterInstance: creates or replaces the instance (idempotent). */
    void register(String registryArn, String instanceId, Map<String, String> attributes);

    /** DeregisterInstance: removes the instance; an instance that is not there is not an error. */
    void deregister(String registryArn, String instanceId);

    /** UpdateInstanceCustomHealthStatus, for a registry with a custom health check; others ignore it. */
    void setHealth(String registryArn, String instanceId, boolean healthy);

    /**
     * A Cloud Map service as ECS checks it: {@code dns} when it has a DnsConfig (a DNS namespace), {@code srv} when
     * one of its records is SRV (a port is then required), {@code customHealth} when it has
     * HealthCheckCustomConfig (ECS then reports the task's health to it).
     */
    record Registry(String registryArn, String serviceId, boolean dns, boolean srv, boolean customHealth) {
        public Registry {
            Objects.requireNonNull(registryArn, "registryArn");
            Objects.requireNonNull(serviceId, "serviceId");
        }
    }

    /** One registered instance: its registry, id (the task id), attributes and whether it is healthy. */
    record Instance(String registryArn, String instanceId, Map<String, String> attributes, boolean healthy) {
        public Instance {
            Objects.requireNonNull(registryArn, "registryArn");
            Objects.requireNonNull(instanceId, "instanceId");
            attributes = Map.copyOf(attributes);
        }
    }

    /** Until Cloud Map is wired: no registry exists, nothing is registered, and a write says why it cannot happen. */
    static DiscoveryRegistry unavailable() {
        return new DiscoveryRegistry() {
            @Override
            public Optional<Registry> registry(String registryArn) {
                return Optional.empty();
            }

            @Override
            public List<Instance> instances(String registryArn) {
                return List.of();
            }

            @Override
            public void register(String registryArn, String instanceId, Map<String, String> attributes) {
                throw new IllegalStateException(NOT_CONNECTED);
            }

            @Override
            public void deregister(String registryArn, String instanceId) {
                throw new IllegalStateException(NOT_CONNECTED);
            }

            @Override
            public void setHealth(String registryArn, String instanceId, boolean healthy) {
                throw new IllegalStateException(NOT_CONNECTED);
            }
        };
    }

    /** Why {@link #unavailable()} refuses a write. */
    String NOT_CONNECTED = "Cloud Map is not connected to ECS service discovery in this Gantry";
}
