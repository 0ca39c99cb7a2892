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

    /**
     * {@code primary}, with {@code fallback} answering the ids {@code primary} does not know: for the moments
     * before the EC2 store's default VPC is seeded (that waits for the engine), so the default subnet is placeable
     * from the first request on.
     */
    public static NetworkDirectory orElse(NetworkDirectory primary, NetworkDirectory fallback) {
        return new NetworkDirectory() {
            @Override
            public Optional<Vpc> vpc(String vpcId) {
                return primary.vpc(vpcId).or(() -> fallback.vpc(vpcId));
            }

            @Override
            public Optional<Subnet> subnet(String subnetId) {
                return primary.subnet(subnetId).or(() -> fallback.subnet(subnetId));
            }

            @Override
            public List<Subnet> subnets() {
                return primary.subnets();
            }

            @Override
            public Optional<SecurityGroup> securityGroup(String groupId) {
                return primary.securityGroup(groupId).or(() -> fallback.securityGroup(groupId));
            }

            @Override
            public List<SecurityGroup> securityGroups() {
                return primary.securityGroups();
            }

            @Override
            public Optional<SecurityGroup> defaultSecurityGroup(String vpcId) {
                return primary.defaultSecurityGroup(vpcId).or(() -> fallback.defaultSecurityGroup(vpcId));
            }
        };
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
