package dev.gantry.control.network;

import dev.gantry.core.ec2.NetworkInterface;
import java.util.List;

/**
 * The elastic network interfaces of the running tasks (one per task, as Fargate shows them): what
 * DescribeNetworkInterfaces lists and what DeleteSubnet checks before removing a subnet. The server reads them from
 * the task store; {@link #NONE} reports none.
 */
@FunctionalInterface
public interface TaskInterfaces {
    TaskInterfaces NONE = List::of;

    List<NetworkInterface> interfaces();

    /** True when a running task has its interface in the subnet. */
    default boolean anyIn(String subnetId) {
        return interfaces().stream().anyMatch(i -> i.subnetId().equals(subnetId));
    }
}
