package dev.gantry.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's desired half, as CreateService set it and UpdateService changes it (one writer: the ECS service
 * handlers). What each deployment runs (task definition, network, launch settings) is on the deployment
 * ({@link DeploymentTarget}); the service shows its PRIMARY deployment's. {@code serviceRegistries}: the Cloud Map
 * services its tasks are registered in (at most one, as on Fargate).
 */
public record ServiceSpec(
        String serviceArn,
        String serviceName,
        String clusterArn,
        String clusterName,
        int desiredCount,
        List<ServiceLoadBalancer> loadBalancers,
        DeploymentSettings deployment,
        int healthCheckGracePeriodSeconds,
        Optional<String> propagateTags,
        boolean enableECSManagedTags,
        Instant createdAt,
        String createdBy,
        List<ServiceRegistry> serviceRegistries) {

    public ServiceSpec {
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(clusterName, "clusterName");
        if (desiredCount < 0) {
            throw new IllegalArgumentException("desiredCount cannot be negative: " + desiredCount);
        }
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        Objects.requireNonNull(deployment, "deployment");
        if (healthCheckGracePeriodSeconds < 0) {
            throw new IllegalArgumentException("healthCheckGracePeriodSeconds cannot be negative");
        }
        propagateTags = propagateTags == null ? Optional.empty() : propagateTags;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        serviceRegistries = serviceRegistries == null ? List.of() : List.copyOf(serviceRegistries);
    }

    /** A service without {@code serviceRegistries}. */
    public ServiceSpec(
            String serviceArn,
            String serviceName,
            String clusterArn,
            String clusterName,
            int desiredCount,
            List<ServiceLoadBalancer> loadBalancers,
            DeploymentSettings deployment,
            int healthCheckGracePeriodSeconds,
            Optional<String> propagateTags,
            boolean enableECSManagedTags,
            Instant createdAt,
            String createdBy) {
        this(
                serviceArn,
                serviceName,
                clusterArn,
                clusterName,
                desiredCount,
                loadBalancers,
                deployment,
                healthCheckGracePeriodSeconds,
                propagateTags,
                enableECSManagedTags,
                createdAt,
                createdBy,
                List.of());
    }

    /** The {@code group} ECS gives the service's tasks. */
    public String taskGroup() {
        return "service:" + serviceName;
    }

    public ServiceSpec withDesiredCount(int count) {
        return new ServiceSpec(
                serviceArn,
                serviceName,
                clusterArn,
                clusterName,
                count,
                loadBalancers,
                deployment,
                healthCheckGracePeriodSeconds,
                propagateTags,
                enableECSManagedTags,
                createdAt,
                createdBy,
                serviceRegistries);
    }
}
