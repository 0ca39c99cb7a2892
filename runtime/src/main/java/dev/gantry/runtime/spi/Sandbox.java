package dev.gantry.runtime.spi;

/**
 * A started sandbox: the object that owns a task's network namespace, like a Fargate task's ENI.
 * All of the task's containers join its namespace and so share its IP and reach each other on localhost.
 */
public record Sandbox(String runtimeId, String ipv4Address, String macAddress, String networkName,
        String subnetCidr, String gatewayAddress) {}
