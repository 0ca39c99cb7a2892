package dev.gantry.core.task;

import java.util.List;
import java.util.Objects;

/**
 * Where a task's interface lives, decided once when the task is launched (from its awsvpcConfiguration): the one
 * subnet picked of those given, that subnet's VPC and engine network ({@code networkName}: what the sandbox joins),
 * the security groups guarding the interface (the VPC's default group when none was named) and whether a public
 * IP was asked for. Tasks stored before placement existed have none (see {@link TaskSpec#network()}).
 */
public record TaskNetwork(
        String subnetId, String vpcId, String networkName, List<String> securityGroupIds, boolean assignPublicIp) {
    public TaskNetwork {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(networkName, "networkName");
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    }
}
