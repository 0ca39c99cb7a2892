package dev.gantry.core.ec2;

import java.util.Map;
import java.util.Objects;

/** A VPC: an address range that subnets are carved from. {@code state} is EC2's (pending, available). */
public record Vpc(String vpcId, String cidrBlock, boolean isDefault, String state, Map<String, String> tags) {
    public Vpc {
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(cidrBlock, "cidrBlock");
        Objects.requireNonNull(state, "state");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
