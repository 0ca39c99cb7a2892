package dev.gantry.cli;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** Reads tasks and task definitions of one cluster through the public ECS API. */
record TaskLookup(EcsClient ecs, String cluster) {
    static final int DESCRIBE_BATCH = 100;

    /** ARNs of the cluster's tasks with the given desired status, all pages. */
    List<String> list(DesiredStatus desired) {
        return ecs.listTasksPaginator(b -> b.cluster(cluster).desiredStatus(desired)).taskArns().stream()
                .toList();
    }

    /** Turns what the user typed (ARN, id or unique id prefix) into an ARN or id, or fails with a named error. */
    String resolve(String input) {
        List<String> arns = new ArrayList<>(list(DesiredStatus.RUNNING));
        arns.addAll(list(DesiredStatus.STOPPED));
        return switch (TaskIds.resolve(arns, input)) {
            case TaskIds.Resolution.Found f -> f.task();
            case TaskIds.Resolution.NotFound n ->
                throw CliException.failed(
                        "no task matches '" + n.input() + "' in cluster " + cluster + " (gantry ps -a lists them)");
            case TaskIds.Resolution.Ambiguous a ->
                throw CliException.failed("'" + a.input() + "' matches "
                        + a.candidates().size() + " tasks; give more characters:\n  "
                        + String.join("\n  ", a.candidates()));
        };
    }

    /** One task, by ARN or id; a task the server does not know is an error. */
    Task describe(String task) {
        DescribeTasksResponse r = ecs.describeTasks(b -> b.cluster(cluster).tasks(task));
        if (r.tasks().isEmpty()) {
            String why = r.failures().stream().map(Failure::reason).findFirst().orElse("MISSING");
            throw CliException.failed("task " + task + " not found in cluster " + cluster + " (" + why + ")");
        }
        return r.tasks().get(0);
    }

    /** Tasks by ARN, described in batches of {@value #DESCRIBE_BATCH}; tasks that vanished are left out. */
    List<Task> describeAll(List<String> arns) {
        List<Task> tasks = new ArrayList<>(arns.size());
        for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH));
            tasks.addAll(ecs.describeTasks(b -> b.cluster(cluster).tasks(batch)).tasks());
        }
        return tasks;
    }

    /** A task definition by ARN, {@code family:revision} or family (latest ACTIVE revision). */
    TaskDefinition definition(String taskDefinition) {
        return ecs.describeTaskDefinition(b -> b.taskDefinition(taskDefinition)).taskDefinition();
    }
}
