package dev.gantry.control.firewall;

import java.util.List;
import java.util.Objects;

/**
 * A task's network interface as the filters see it: its address, its subnet's range and gateway (where traffic from
 * the host, the router included, comes from), and its security groups.
 */
public record TaskInterface(
        String taskId, String ipv4Address, String subnetCidr, String gatewayAddress, List<String> securityGroupIds) {
    public TaskInterface {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(ipv4Address, "ipv4Address");
        Objects.requireNonNull(subnetCidr, "subnetCidr");
        Objects.requireNonNull(gatewayAddress, "gatewayAddress");
        securityGroupIds = List.copyOf(securityGroupIds);
    }
}
