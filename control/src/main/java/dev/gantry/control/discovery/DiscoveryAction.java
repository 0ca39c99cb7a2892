package dev.gantry.control.discovery;

import java.util.Map;
import java.util.Objects;

/** One thing the discovery planner asks for. */
public sealed interface DiscoveryAction {
    String registryArn();

    String instanceId();

    /** Register a task (instance id = task id) with ECS's attributes. */
    record Register(String registryArn, String instanceId, Map<String, String> attributes) implements DiscoveryAction {
        public Register {
            Objects.requireNonNull(registryArn, "registryArn");
            Objects.requireNonNull(instanceId, "instanceId");
            attributes = Map.copyOf(attributes);
        }
    }

    /** Report a registered task's health (it changed since it was registered). */
    record SetHealth(String registryArn, String instanceId, boolean healthy) implements DiscoveryAction {
        public SetHealth {
            Objects.requireNonNull(registryArn, "registryArn");
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }

    /** Remove an instance: its task was told to stop, is gone, or the service no longer names the registry. */
    record Deregister(String registryArn, String instanceId) implements DiscoveryAction {
        public Deregister {
            Objects.requireNonNull(registryArn, "registryArn");
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }
}
