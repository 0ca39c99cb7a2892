package dev.gantry.control.network;

import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import java.util.List;
import java.util.Optional;

/** Read access to the VPCs, subnets and security groups the EC2 API keeps (the store is the truth). */
public interface NetworkDirectory {

    Optional<Vpc> vpc(String vpcId);

    Optional<Subnet> subnet(String subnetId);

    List<Subnet> subnets();

    Optional<SecurityGroup> securityGroup(String groupId);

    /** Every security group of every VPC, with its rules: what the packet filters are planned from. */
    List<SecurityGroup> securityGroups();

    /** The VPC's group named {@code default}, which a task that names no security group is put in. */
    Optional<SecurityGroup> defaultSecurityGroup(String vpcId);
}
