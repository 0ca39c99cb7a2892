package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.RequestContext;
import java.util.Map;

/** Amazon ECS (AmazonEC2ContainerServiceV20141113): the operations Gantry implements, in one table. */
public final class EcsService implements AwsJsonService {
    private final OperationTable operations;
    private final EcsAccess access;

    public EcsService(EcsContext ctx) {
        this.access = new EcsAccess(ctx);
        ClusterHandlers clusters = new ClusterHandlers(ctx);
        TaskDefinitionHandlers defs = new TaskDefinitionHandlers(ctx);
        TaskHandlers tasks = new TaskHandlers(ctx, clusters);
        TagHandlers tags = new TagHandlers(ctx);
        ServiceHandlers services = new ServiceHandlers(ctx, clusters);
        ServiceDeploymentHandlers serviceDeployments = new ServiceDeploymentHandlers(ctx, clusters, services);
        ContinueDeploymentHandler continueDeployment = new ContinueDeploymentHandler(ctx, serviceDeployments);
        operations = new OperationTable(
                "ECS",
                "docs/compat/ecs.md",
                Map.ofEntries(
                        Map.entry("CreateCluster", (in, rc) -> clusters.create(in)),
                        Map.entry("DescribeClusters", (in, rc) -> clusters.describe(in)),
                        Map.entry("ListClusters", (in, rc) -> clusters.list(in)),
                        Map.entry("DeleteCluster", (in, rc) -> clusters.delete(in)),
                        Map.entry("RegisterTaskDefinition", defs::register),
                        Map.entry("DescribeTaskDefinition", (in, rc) -> defs.describe(in)),
                        Map.entry("ListTaskDefinitions", (in, rc) -> defs.list(in)),
                        Map.entry("ListTaskDefinitionFamilies", (in, rc) -> defs.families(in)),
                        Map.entry("DeregisterTaskDefinition", (in, rc) -> defs.deregister(in)),
                        Map.entry("DeleteTaskDefinitions", (in, rc) -> defs.delete(in)),
                        Map.entry("RunTask", (in, rc) -> tasks.run(in)),
                        Map.entry("StopTask", (in, rc) -> tasks.stop(in)),
                        Map.entry("DescribeTasks", (in, rc) -> tasks.describe(in)),
                        Map.entry("ListTasks", (in, rc) -> tasks.list(in)),
                        Map.entry("CreateService", services::create),
                        Map.entry("UpdateService", (in, rc) -> services.update(in)),
                        Map.entry("DescribeServices", (in, rc) -> services.describe(in)),
                        Map.entry("ListServices", (in, rc) -> services.list(in)),
                        Map.entry("DeleteService", (in, rc) -> services.delete(in)),
                        Map.entry("ListServiceDeployments", (in, rc) -> serviceDeployments.list(in)),
                        Map.entry("DescribeServiceDeployments", (in, rc) -> serviceDeployments.describe(in)),
                        Map.entry("ContinueServiceDeployment", (in, rc) -> continueDeployment.handle(in)),
                        Map.entry("TagResource", (in, rc) -> tags.tag(in)),
                        Map.entry("UntagResource", (in, rc) -> tags.untag(in)),
                        Map.entry("ListTagsForResource", (in, rc) -> tags.list(in))));
    }

    /** The operation names this service implements (for the compatibility matrix test). */
    public java.util.Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public String targetPrefix() {
        return "AmazonEC2ContainerServiceV20141113";
    }

    @Override
    public dev.gantry.api.protocol.ErrorTable errors() {
        return EcsErrors.TABLE;
    }

    @Override
    public String signingName() {
        return "ecs";
    }

    @Override
    public dev.gantry.api.protocol.AccessTarget accessTarget(String operation, JsonNode input) {
        return access.target(operation, input);
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        return operations.dispatch(operation, input, context);
    }
}
