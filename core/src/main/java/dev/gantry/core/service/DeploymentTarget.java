package dev.gantry.core.service;

import dev.gantry.core.run.CapacityProviderStrategyItem;
import dev.gantry.core.run.NetworkConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one deployment runs: the task definition revision and the launch settings its tasks get. A new
 * deployment is made whenever one of these changes (or on forceNewDeployment); a rollback copies the last
 * completed deployment's target. {@code serviceConnect}: the deployment's Service Connect configuration, if any.
 */
public record DeploymentTarget(
        String taskDefinitionArn,
        Optional<String> launchType,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        NetworkConfiguration networkConfiguration,
        String platformVersion,
        Optional<ServiceConnect> serviceConnect) {

    public DeploymentTarget {
        Objects.requireNonNull(taskDefinitionArn, "taskDefinitionArn");
        launchType = launchType == null ? Optional.empty() : launchType;
        capacityProviderStrategy = capacityProviderStrategy == null ? List.of() : List.copyOf(capacityProviderStrategy);
        Objects.requireNonNull(networkConfiguration, "networkConfiguration");
        Objects.requireNonNull(platformVersion, "platformVersion");
        serviceConnect = serviceConnect == null ? Optional.empty() : serviceConnect;
    }

    /** A target without Service Connect. */
    public DeploymentTarget(
            String taskDefinitionArn,
            Optional<String> launchType,
            List<CapacityProviderStrategyItem> capacityProviderStrategy,
            NetworkConfiguration networkConfiguration,
            String platformVersion) {
        this(
                taskDefinitionArn,
                launchType,
                capacityProviderStrategy,
                networkConfiguration,
                platformVersion,
                Optional.empty());
    }

    public DeploymentTarget withTaskDefinition(String arn) {
        return new DeploymentTarget(
                arn, launchType, capacityProviderStrategy, networkConfiguration, platformVersion, serviceConnect);
    }
}
