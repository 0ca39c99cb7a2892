package dev.gantry.control.network;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.store.ec2.Ec2Store;
import dev.gantry.store.ec2.SecurityGroupStore;
import java.util.List;
import java.util.Optional;

/** The {@link NetworkDirectory} over the EC2 store: every read goes to the database, which is the truth. */
public final class StoredNetworkDirectory implements NetworkDirectory {
    private final Ec2Store networks;
    private final SecurityGroupStore groups;

    public StoredNetworkDirectory(Ec2Store networks, SecurityGroupStore groups) {
        this.networks = networks;
        this.groups = groups;
    }

    @Override
    public Optional<Vpc> vpc(String vpcId) {
        return networks.vpc(vpcId);
    }

    @Override
    public Optional<Subnet> subnet(String subnetId) {
        return networks.subnet(subnetId);
    }

    @Override
    public List<Subnet> subnets() {
        return networks.subnets();
    }

    @Override
    public Optional<SecurityGroup> securityGroup(String groupId) {
        return groups.group(groupId);
    }

    @Override
    public List<SecurityGroup> securityGroups() {
        return groups.groups();
    }

    @Override
    public Optional<SecurityGroup> defaultSecurityGroup(String vpcId) {
        return groups.byName(vpcId, DefaultVpc.SECURITY_GROUP_NAME);
    }

    /** The gateway address of the subnet's engine network (where the host's traffic to its tasks comes from). */
    public Optional<String> gateway(String subnetId) {
        return networks.gateway(subnetId);
    }
}
