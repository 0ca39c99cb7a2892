package dev.gantry.core.ec2;

import java.util.Map;
import java.util.Objects;

/**
 * A subnet: a range of the VPC's addresses in one availability zone, realised on the host by the engine network
 * {@code networkName} (a bridge with exactly {@code cidrBlock}; its gateway is the range's first usable address,
 * where AWS puts the VPC router). A {@code privateSubnet} has no route out of the machine's task networks (an
 * engine-internal network); otherwise tasks reach outside through the host's NAT.
 */
public record Subnet(
        String subnetId,
        String vpcId,
        String cidrBlock,
        String availabilityZone,
        boolean defaultForAz,
        boolean mapPublicIpOnLaunch,
        boolean privateSubnet,
        String networkName,
        Map<String, String> tags) {
    public Subnet {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(cidrBlock, "cidrBlock");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(networkName, "networkName");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
