package dev.gantry.core.service;

import java.util.Objects;

/** One {@code loadBalancers} entry of a service: the target group a container's port is registered in. */
public record ServiceLoadBalancer(String targetGroupArn, String containerName, int containerPort) {
    public ServiceLoadBalancer {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        Objects.requireNonNull(containerName, "containerName");
        if (containerPort < 1 || containerPort > 65_535) {
            throw new IllegalArgumentException("containerPort must be 1-65535: " + containerPort);
        }
    }
}
