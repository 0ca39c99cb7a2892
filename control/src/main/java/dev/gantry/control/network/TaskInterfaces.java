package dev.gantry.control.network;

import dev.gantry.core.ec2.NetworkInterface;
import java.util.List;
import java.util.Optional;

/**
 * The elastic network interfaces of the running tasks (one per task, as Fargate shows them): what
 * DescribeNetworkInterfaces lists and what DeleteSubnet checks before removing a subnet. The server reads them from
 * the task store; {@link #NONE} reports none.
 */
@FunctionalInterface
public interface TaskInterfaces {
    TaskInterfaces NONE = List::of;

    List<NetworkInterface> interfaces();

    /**
     * True when an unfinished task has (or will have) its interface in the subnet. The default sees the running
     * interfaces only; the server's also sees tasks placed there that have no address yet (PROVISIONING, PENDING).
     */
    default boolean anyIn(String subnetId) {
        return interfaces().stream().anyMatch(i -> i.subnetId().equals(subnetId));
    }

    /**
     * What uses the security group: a running interface's id, or (server) an unfinished task placed with the group
     * that has no address yet; empty when nothing does.
     */
    default Optional<String> userOf(String groupId) {
        return interfaces().stream()
                .filter(i -> i.securityGroupIds().contains(groupId))
                .map(NetworkInterface::networkInterfaceId)
                .findFirst();
    }
}
