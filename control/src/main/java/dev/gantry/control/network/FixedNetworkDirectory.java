package dev.gantry.control.network;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link NetworkDirectory} held in memory: for wiring without the EC2 store (only the default VPC, its subnet on
 * the engine network tasks use, and its default group) and for tests, which may {@link #add} more.
 */
public final class FixedNetworkDirectory implements NetworkDirectory {
    private final List<Vpc> vpcs = new CopyOnWriteArrayList<>();
    private final List<Subnet> subnets = new CopyOnWriteArrayList<>();
    private final List<SecurityGroup> groups = new CopyOnWriteArrayList<>();

    /** The default VPC alone: its subnet is {@code networkName} with range {@code cidr}. */
    public static FixedNetworkDirectory defaultVpc(String networkName, String cidr) {
        return new FixedNetworkDirectory().defaults(networkName, cidr);
    }

    /** (Re)defines the default VPC, its subnet ({@code networkName}, range {@code cidr}) and default group. */
    public FixedNetworkDirectory defaults(String networkName, String cidr) {
        FixedNetworkDirectory d = this;
        vpcs.removeIf(v -> v.vpcId().equals(DefaultVpc.VPC_ID));
        subnets.removeIf(s -> s.subnetId().equals(DefaultVpc.SUBNET_ID));
        groups.removeIf(g -> g.groupId().equals(DefaultVpc.SECURITY_GROUP_ID));
        d.add(new Vpc(DefaultVpc.VPC_ID, cidr, true, "available", Map.of()));
        d.add(new Subnet(
                DefaultVpc.SUBNET_ID, DefaultVpc.VPC_ID, cidr, "us-east-1a", true, true, false, networkName, Map.of()));
        d.add(new SecurityGroup(
                DefaultVpc.SECURITY_GROUP_ID,
                DefaultVpc.SECURITY_GROUP_NAME,
                "default VPC security group",
                DefaultVpc.VPC_ID,
                List.<SecurityGroupRule>of(),
                Map.of()));
        return d;
    }

    public FixedNetworkDirectory add(Vpc vpc) {
        vpcs.add(vpc);
        return this;
    }

    public FixedNetworkDirectory add(Subnet subnet) {
        subnets.add(subnet);
        return this;
    }

    public FixedNetworkDirectory add(SecurityGroup group) {
        groups.add(group);
        return this;
    }

    public FixedNetworkDirectory remove(String subnetId) {
        subnets.removeIf(s -> s.subnetId().equals(subnetId));
        return this;
    }

    @Override
    public Optional<Vpc> vpc(String vpcId) {
        return vpcs.stream().filter(v -> v.vpcId().equals(vpcId)).findFirst();
    }

    @Override
    public Optional<Subnet> subnet(String subnetId) {
        return subnets.stream().filter(s -> s.subnetId().equals(subnetId)).findFirst();
    }

    @Override
    public List<Subnet> subnets() {
        return List.copyOf(subnets);
    }

    @Override
    public Optional<SecurityGroup> securityGroup(String groupId) {
        return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }

    @Override
    public List<SecurityGroup> securityGroups() {
        return List.copyOf(groups);
    }

    @Override
    public Optional<SecurityGroup> defaultSecurityGroup(String vpcId) {
        return groups.stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.groupName().equals(DefaultVpc.SECURITY_GROUP_NAME))
                .findFirst();
    }
}
