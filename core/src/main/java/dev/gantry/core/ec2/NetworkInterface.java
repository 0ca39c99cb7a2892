package dev.gantry.core.ec2;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A running task's elastic network interface, as Fargate shows it in DescribeNetworkInterfaces: one per task, in
 * the task's subnet, with its private address and security groups, status {@code in-use}, attached to the task
 * ({@code description} names the ECS attachment, as Fargate's do).
 */
public record NetworkInterface(
        String networkInterfaceId,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String privateIpAddress,
        String macAddress,
        List<String> securityGroupIds,
        String description,
        String attachmentId,
        Instant attachTime) {
    public static final String STATUS = "in-use";
    public static final String INTERFACE_TYPE = "interface";

    public NetworkInterface {
        Objects.requireNonNull(networkInterfaceId, "networkInterfaceId");
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(privateIpAddress, "privateIpAddress");
        macAddress = macAddress == null ? "" : macAddress;
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        description = description == null ? "" : description;
        attachmentId = attachmentId == null ? "" : attachmentId;
        Objects.requireNonNull(attachTime, "attachTime");
    }
}
