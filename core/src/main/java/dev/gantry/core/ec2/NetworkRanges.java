package dev.gantry.core.ec2;

import java.util.Collection;
import java.util.Optional;

/**
 * The address-range rules of VPCs and subnets, as EC2 checks them: a well-formed IPv4 block in network form, a
 * prefix length of /16 to /28, a subnet inside its VPC's block. Subnets may not overlap one another; since every
 * subnet of every VPC is a network on the same host, Gantry refuses an overlap with ANY subnet, not only the VPC's.
 */
public final class NetworkRanges {
    public static final int LARGEST_PREFIX = 16;
    public static final int SMALLEST_PREFIX = 28;

    private NetworkRanges() {}

    /** The VPC block {@code text}, or InvalidParameterValue / InvalidVpc.Range saying what is wrong. */
    public static Cidr vpcBlock(String text) {
        Cidr cidr = parse("cidrBlock", text);
        if (cidr.prefix() < LARGEST_PREFIX || cidr.prefix() > SMALLEST_PREFIX) {
            throw Ec2Error.VPC_RANGE.error(Ec2Messages.vpcRange(text));
        }
        return cidr;
    }

    /**
     * The subnet block {@code text} of a VPC with block {@code vpcCidr}, checked against the {@code existing} subnets
     * (of every VPC): InvalidSubnet.Range when out of size or outside the VPC, InvalidSubnet.Conflict when it
     * overlaps one, naming it.
     */
    public static Cidr subnetBlock(String text, String vpcCidr, Collection<Subnet> existing) {
        Cidr cidr = parse("cidrBlock", text);
        Optional<Cidr> vpc = Cidr.parse(vpcCidr);
        if (cidr.prefix() < LARGEST_PREFIX
                || cidr.prefix() > SMALLEST_PREFIX
                || vpc.isEmpty()
                || !vpc.get().contains(cidr)) {
            throw Ec2Error.SUBNET_RANGE.error(Ec2Messages.subnetRange(text, vpcCidr));
        }
        conflict(cidr, existing).ifPresent(other -> {
            throw Ec2Error.SUBNET_CONFLICT.error(Ec2Messages.subnetConflict(text, other.subnetId(), other.cidrBlock()));
        });
        return cidr;
    }

    /** The first of {@code existing} whose block overlaps {@code cidr}. */
    public static Optional<Subnet> conflict(Cidr cidr, Collection<Subnet> existing) {
        return existing.stream()
                .filter(s ->
                        Cidr.parse(s.cidrBlock()).map(c -> c.overlaps(cidr)).orElse(false))
                .findFirst();
    }

    /** A rule's IPv4 range, or InvalidParameterValue. */
    public static Cidr ruleRange(String text) {
        return Cidr.parse(text)
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.error("CIDR block " + text + " is malformed"));
    }

    private static Cidr parse(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw Ec2Error.MISSING_PARAMETER.error(Ec2Messages.missing(parameter));
        }
        return Cidr.parse(text)
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidCidr(parameter, text)));
    }
}
