package dev.gantry.control.launch;

import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.task.TaskNetwork;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides where tasks' interfaces live, from an {@code awsvpcConfiguration}, as ECS does: every subnet named must
 * exist and all must be in one VPC, every security group named must exist in that VPC (none named: the VPC's
 * {@code default} group); each task gets one of the subnets, spread across them (successive tasks, and successive
 * launches, take the next). Errors are ECS's InvalidParameterException, carrying EC2's words as ECS does.
 */
public final class TaskPlacement {
    static final String SUBNET_NOT_FOUND = "Error retrieving subnet information for [%s]: The subnet ID '%s' does not "
            + "exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidSubnetID.NotFound)";
    static final String GROUP_NOT_FOUND = "Error retrieving security group information for [%s]: The security group "
            + "'%s' does not exist (Service: AmazonEC2; Status Code: 400; Error Code: InvalidGroup.NotFound)";
    static final String SUBNETS_IN_VPCS =
            "The subnets %s are not all in the same VPC (%s): give subnets of one VPC in awsvpcConfiguration.subnets.";
    static final String GROUP_OTHER_VPC =
            "Security group %s does not appear to belong to the same VPC as the input subnets (%s is in %s).";
    static final String HOST_GROUP = "Security group " + DefaultVpc.HOST_SECURITY_GROUP_ID + " stands for the Gantry"
            + " host (rules name it to admit the host) and cannot be a task's security group: give another group in"
            + " awsvpcConfiguration.securityGroups.";

    private final NetworkDirectory directory;
    private final AtomicInteger next = new AtomicInteger();

    public TaskPlacement(NetworkDirectory directory) {
        this.directory = directory;
    }

    /** Checks a service's (or a task's) network configuration without placing anything. */
    public void check(NetworkConfiguration network) {
        if (network != null && network.awsvpcConfiguration() != null) {
            resolve(network.awsvpcConfiguration());
        }
    }

    /** The placement of {@code count} tasks, one per task, spread across the given subnets. */
    public List<TaskNetwork> place(AwsVpcConfiguration config, int count) {
        Resolved r = resolve(config);
        int start = Math.floorMod(next.getAndAdd(count), r.subnets().size());
        List<TaskNetwork> placed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Subnet s = r.subnets().get((start + i) % r.subnets().size());
            placed.add(new TaskNetwork(
                    s.subnetId(),
                    s.vpcId(),
                    s.networkName(),
                    r.groups(),
                    "ENABLED".equals(config.assignPublicIpOrDefault())));
        }
        return placed;
    }

    private record Resolved(List<Subnet> subnets, List<String> groups) {}

    private Resolved resolve(AwsVpcConfiguration config) {
        List<Subnet> subnets = new ArrayList<>();
        for (String id : new LinkedHashSet<>(config.subnetsOrEmpty())) {
            subnets.add(directory
                    .subnet(id)
                    .orElseThrow(() -> ApiException.invalidParameter(SUBNET_NOT_FOUND.formatted(id, id))));
        }
        if (subnets.isEmpty()) {
            throw ApiException.invalidParameter(
                    "subnets can not be empty. List at least one subnet in awsvpcConfiguration.subnets.");
        }
        String vpcId = subnets.get(0).vpcId();
        if (subnets.stream().anyMatch(s -> !s.vpcId().equals(vpcId))) {
            throw ApiException.invalidParameter(SUBNETS_IN_VPCS.formatted(
                    subnets.stream().map(Subnet::subnetId).toList(),
                    subnets.stream()
                            .map(s -> s.subnetId() + " in " + s.vpcId())
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")));
        }
        List<String> groups = new ArrayList<>();
        for (String id : new LinkedHashSet<>(config.securityGroupsOrEmpty())) {
            if (id.equals(DefaultVpc.HOST_SECURITY_GROUP_ID)) {
                throw ApiException.invalidParameter(HOST_GROUP);
            }
            SecurityGroup g = directory
                    .securityGroup(id)
                    .orElseThrow(() -> ApiException.invalidParameter(GROUP_NOT_FOUND.formatted(id, id)));
            if (!g.vpcId().equals(vpcId)) {
                throw ApiException.invalidParameter(GROUP_OTHER_VPC.formatted(id, id, g.vpcId()));
            }
            groups.add(id);
        }
        if (groups.isEmpty()) {
            Optional<SecurityGroup> dflt = directory.defaultSecurityGroup(vpcId);
            dflt.ifPresent(g -> groups.add(g.groupId()));
        }
        return new Resolved(List.copyOf(subnets), List.copyOf(groups));
    }
}
