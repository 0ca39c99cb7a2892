package dev.gantry.runtime.spi;

import java.util.Optional;

/**
 * A started sandbox: the object that owns a task's network namespace, like a Fargate task's ENI.
 * All of the task's containers join its namespace and so share its IP and reach each other on localhost.
 * {@code taskCgroup}: where the engine allows it, the cgroup that holds the task's limits, under which the task's
 * containers are created (driver-specific; empty when each container carries the task's limits itself).
 */
public record Sandbox(
        String runtimeId,
        String ipv4Address,
        String macAddress,
        String networkName,
        String subnetCidr,
        String gatewayAddress,
        Optional<String> taskCgroup) {}
