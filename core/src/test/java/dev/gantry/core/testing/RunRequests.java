package dev.gantry.core.testing;

import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.CapacityProviderStrategyItem;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.run.TaskOverride;
import dev.gantry.core.tag.Tag;
import java.util.List;

/** A mutable RunTask request whose defaults pass validation; public fields on purpose. */
public final class RunRequests {
    public String cluster = "default";
    public String taskDefinition = "app";
    public Integer count;
    public String launchType = "FARGATE";
    public List<CapacityProviderStrategyItem> capacityProviderStrategy;
    public List<String> subnets = List.of("subnet-1");
    public List<String> securityGroups;
    public String assignPublicIp;
    /** When true, no networkConfiguration at all; when {@link #noAwsvpc}, one without awsvpcConfiguration. */
    public boolean noNetwork;

    public boolean noAwsvpc;
    public TaskOverride overrides;
    public String startedBy;
    public String group;
    public List<Tag> tags;
    public String propagateTags;
    public String platformVersion;
    public String clientToken;

    public static RunRequests request() {
        return new RunRequests();
    }

    public RunTaskRequest build() {
        NetworkConfiguration network = noNetwork
                ? null
                : new NetworkConfiguration(
                        noAwsvpc ? null : new AwsVpcConfiguration(subnets, securityGroups, assignPublicIp));
        return new RunTaskRequest(
                cluster,
                taskDefinition,
                count,
                launchType,
                capacityProviderStrategy,
                network,
                overrides,
                startedBy,
                group,
                tags,
                propagateTags,
                null,
                null,
                platformVersion,
                clientToken,
                null);
    }
}
