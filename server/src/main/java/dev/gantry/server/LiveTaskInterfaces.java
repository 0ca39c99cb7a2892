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
import java.util.function.Supplier;

/**
 * The running tasks' network interfaces, one per task with an address, as Fargate shows them: in the task's subnet
 * with its security groups (a task placed before subnets existed is in the default subnet and group). Read from the
 * live task index (no store read), for DescribeNetworkInterfaces. The dependency checks of DeleteSubnet and
 * DeleteSecurityGroup also see the unfinished tasks that have no address yet (PROVISIONING, PENDING): they read the
 * store's unfinished tasks' placements.
 */
final class LiveTaskInterfaces implements TaskInterfaces {
    /** An unfinished task's placement, as stored (empty network: placed before subnets existed, the default). */
    record Placed(String taskArn, Optional<TaskNetwork> network) {}

    private static final TaskNetwork DEFAULT =
            new TaskNetwork(DefaultVpc.SUBNET_ID, DefaultVpc.VPC_ID, "", List.of(DefaultVpc.SECURITY_GROUP_ID), false);

    private final LiveTasks live;
    private final Supplier<List<Placed>> unfinished;
    private final NetworkDirectory directory;
    private final String region;
    private final String accountId;

    LiveTaskInterfaces(
            LiveTasks live,
            Supplier<List<Placed>> unfinished,
            NetworkDirectory directory,
            String region,
            String accountId) {
        this.live = live;
        this.unfinished = unfinished;
        this.directory = directory;
        this.region = region;
        this.accountId = accountId;
    }

    /** The store's unfinished tasks' placements. */
    static Supplier<List<Placed>> placements(Supplier<List<Task>> unfinished) {
        return () -> unfinished.get().stream()
                .map(t -> new Placed(t.spec().taskArn(), t.spec().network()))
                .toList();
    }

    @Override
    public boolean anyIn(String subnetId) {
        return TaskInterfaces.super.anyIn(subnetId)
                || unfinished.get().stream()
                        .anyMatch(p -> p.network().orElse(DEFAULT).subnetId().equals(subnetId));
    }

    @Override
    public Optional<String> userOf(String groupId) {
        return TaskInterfaces.super
                .userOf(groupId)
                .or(() -> unfinished.get().stream()
                        .filter(p ->
                                p.network().orElse(DEFAULT).securityGroupIds().contains(groupId))
                        .map(Placed::taskArn)
                        .findFirst());
    }

    @Override
    public List<NetworkInterface> interfaces() {
        List<NetworkInterface> out = new ArrayList<>();
        for (Task t : live.all()) {
            Optional<NetworkAttachment> eni = t.observed().attachment();
            if (eni.isEmpty() || eni.get().privateIPv4Address().isBlank()) {
                continue;
            }
            TaskNetwork net = t.spec().network().orElse(DEFAULT);
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
