package dev.gantry.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code loadBalancers} entry of a service: the target group a container's port is registered in, and for
 * BLUE_GREEN, LINEAR and CANARY the alternate group and listener rules ({@link AdvancedConfiguration}).
 */
public record ServiceLoadBalancer(
        String targetGroupArn, String containerName, int containerPort, Optional<AdvancedConfiguration> advanced) {
    public ServiceLoadBalancer {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        Objects.requireNonNull(containerName, "containerName");
        if (containerPort < 1 || containerPort > 65_535) {
            throw new IllegalArgumentException("containerPort must be 1-65535: " + containerPort);
        }
        advanced = advanced == null ? Optional.empty() : advanced;
    }

    public ServiceLoadBalancer(String targetGroupArn, String containerName, int containerPort) {
        this(targetGroupArn, containerName, containerPort, Optional.empty());
    }

    /** The other group of the blue/green pair, if {@code group} is one of them. */
    public Optional<String> otherGroup(String group) {
        return advanced.flatMap(a -> group.equals(targetGroupArn)
                ? Optional.of(a.alternateTargetGroupArn())
                : group.equals(a.alternateTargetGroupArn()) ? Optional.of(targetGroupArn) : Optional.empty());
    }
}
