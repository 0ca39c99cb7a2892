package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.core.arn.Arns;
import dev.gantry.store.ecs.TaskDefinitionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an ECS call acts on, for authorization, after IAM's "Actions, resources and condition keys for Amazon ECS":
 * RunTask the task definition (its latest ACTIVE revision when only a family is given), StopTask the task, the
 * cluster calls their clusters; everything else {@code *}. Calls that name a cluster (or default to
 * {@code default}) carry {@code ecs:cluster}, the cluster's ARN.
 */
final class EcsAccess {
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "RunTask",
            "StartTask",
            "StopTask",
            "DescribeTasks",
            "ListTasks",
            "CreateService",
            "UpdateService",
            "DeleteService",
            "DescribeServices",
            "ListServices",
            "ListServiceDeployments");

    private static final String TASK_DEFINITION = ":task-definition/";
    private static final Map<String, List<String>> PASSED_TO_ECS_TASKS =
            Map.of("iam:PassedToService", List.of("ecs-tasks.amazonaws.com"));

    private final EcsContext ctx;

    EcsAccess(EcsContext ctx) {
        this.ctx = ctx;
    }

    AccessTarget target(String operation, JsonNode input) {
        Arns arns = ctx.arns();
        String cluster = arns.cluster(clusterName(input.path("cluster").asText("")));
        AccessTarget target = switch (operation) {
            case "RunTask", "StartTask" ->
                AccessTarget.of(
                        taskDefinition(arns, input.path("taskDefinition").asText("")));
            case "StopTask" -> AccessTarget.of(task(arns, input, cluster));
            case "CreateCluster" ->
                AccessTarget.of(arns.cluster(input.path("clusterName").asText("default")));
            case "DeleteCluster", "UpdateCluster" -> AccessTarget.of(cluster);
            case "DescribeClusters" -> new AccessTarget(clusters(arns, input), Map.of());
            default -> AccessTarget.ANY;
        };
        target = passedRoles(operation, input, target);
        return CLUSTER_SCOPED.contains(operation) ? target.withKey("ecs:cluster", cluster) : target;
    }

    /**
     * A role handed to ECS needs {@code iam:PassRole} on it (with {@code iam:PassedToService} ecs-tasks), as in AWS:
     * the task and execution roles of a task definition when it is registered, and those a RunTask or StartTask
     * overrides with. Without it, whoever may register and run tasks could borrow any role that trusts ECS.
     */
    private static AccessTarget passedRoles(String operation, JsonNode input, AccessTarget target) {
        JsonNode holder = switch (operation) {
            case "RegisterTaskDefinition" -> input;
            case "RunTask", "StartTask" -> input.path("overrides");
            default -> null;
        };
        if (holder == null) {
            return target;
        }
        AccessTarget out = target;
        for (String field : List.of("taskRoleArn", "executionRoleArn")) {
            JsonNode role = holder.get(field);
            if (role != null && role.isTextual() && !role.asText().isEmpty()) {
                out = out.alsoRequiring("iam:PassRole", role.asText(), PASSED_TO_ECS_TASKS);
            }
        }
        return out;
    }

    private String taskDefinition(Arns arns, String ref) {
        if (ref.isEmpty()) {
            return "*";
        }
        if (ref.startsWith("arn:")) {
            // the handler reads only what follows ":task-definition/", so the check names the ARN that part makes
            int at = ref.indexOf(TASK_DEFINITION);
            return at < 0 ? ref : taskDefinition(arns, ref.substring(at + TASK_DEFINITION.length()));
        }
        int colon = ref.lastIndexOf(':');
        if (colon > 0 && ref.substring(colon + 1).matches("\\d+")) {
            return arns.taskDefinition(ref.substring(0, colon), Integer.parseInt(ref.substring(colon + 1)));
        }
        TaskDefinitionStore definitions = ctx.taskDefinitions();
        return definitions
                .latestActive(ref)
                .map(td -> td.taskDefinitionArn())
                .orElse(arns.taskDefinition(ref, 1).replaceFirst(":1$", ""));
    }

    private static String task(Arns arns, JsonNode input, String clusterArn) {
        String ref = input.path("task").asText("");
        if (ref.startsWith("arn:") || ref.isEmpty()) {
            return ref.isEmpty() ? "*" : ref;
        }
        return arns.task(clusterArn.substring(clusterArn.indexOf('/') + 1), ref);
    }

    private static List<String> clusters(Arns arns, JsonNode input) {
        List<String> out = new ArrayList<>();
        input.path("clusters").forEach(c -> out.add(arns.cluster(clusterName(c.asText()))));
        return out.isEmpty() ? List.of(arns.cluster("default")) : out;
    }

    private static String clusterName(String nameOrArn) {
        if (nameOrArn.isEmpty()) {
            return "default";
        }
        int slash = nameOrArn.indexOf(":cluster/");
        return slash >= 0 ? nameOrArn.substring(slash + ":cluster/".length()) : nameOrArn;
    }
}
