package dev.gantry.server;

import dev.gantry.control.endpoint.LiveTasks;
import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.control.network.TaskInterfaces;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.NetworkInterface;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running tasks' network interfaces, one per task with an address, as Fargate shows them: in the task's subnet
 * with its security groups (a task placed before subnets existed is in the default subnet and group). Read from the
 * live task index (no store read), for DescribeNetworkInterfaces and DeleteSubnet's dependency check.
 */
final class LiveTaskInterfaces implements TaskInterfaces {
    private final LiveTasks live;
    private final NetworkDirectory directory;
    private final String region;
    private final String accountId;

    LiveTaskInterfaces(LiveTasks live, NetworkDirectory directory, String region, String accountId) {
        this.live = live;
        this.directory = directory;
        this.region = region;
        this.accountId = accountId;
    }

    @Override
    public List<NetworkInterface> interfaces() {
        List<NetworkInterface> out = new ArrayList<>();
        for (Task t : live.all()) {
            Optional<NetworkAttachment> eni = t.observed().attachment();
            if (eni.isEmpty() || eni.get().privateIPv4Address().isBlank()) {
                continue;
            }
            TaskNetwork net = t.spec()
                    .network()
                    .orElse(new TaskNetwork(
                            DefaultVpc.SUBNET_ID, DefaultVpc.VPC_ID, "", List.of(DefaultVpc.SECURITY_GROUP_ID), false));
            String zone = directory
                    .subnet(net.subnetId())
                    .map(Subnet::availabilityZone)
                    .orElse(region + "a");
            out.add(new NetworkInterface(
                    eni.get().networkInterfaceId(),
                    net.subnetId(),
                    net.vpcId(),
                    zone,
                    eni.get().privateIPv4Address(),
                    eni.get().macAddress(),
                    net.securityGroupIds(),
                    "arn:aws:ecs:" + region + ":" + accountId + ":attachment/"
                            + eni.get().id(),
                    eni.get().id(),
                    t.observed().connectivityAt().orElse(t.spec().createdAt())));
        }
        return out;
    }
}
