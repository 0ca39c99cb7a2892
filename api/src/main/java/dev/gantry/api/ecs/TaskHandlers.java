package dev.gantry.api.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.control.launch.LaunchRequest;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.Reasons;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.store.Page;
import dev.gantry.store.ecs.TaskQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RunTask, StopTask, DescribeTasks, ListTasks: decodes, calls the {@link TaskLauncher} (launching and stopping
 * live in control/) or the store (reads), and renders ECS's shapes.
 */
final class TaskHandlers {
    private final EcsContext ctx;
    private final ClusterHandlers clusters;

    TaskHandlers(EcsContext ctx, ClusterHandlers clusters) {
        this.ctx = ctx;
        this.clusters = clusters;
    }

    JsonNode run(JsonNode in) {
        SupportedFields.checkRunTask(in);
        RunTaskRequest req;
        try {
            req = Json.mapper().treeToValue(in, RunTaskRequest.class);
        } catch (JsonProcessingException e) {
            throw WireErrors.rejected(e, ApiException::invalidParameter);
        }
        Cluster cluster = clusters.findOrDefault(Optional.ofNullable(req.cluster()));
        if (req.taskDefinition() == null || req.taskDefinition().isEmpty()) {
            throw ApiException.invalidParameter(
                    "'taskDefinition' is required: give family, family:revision or an ARN.");
        }
        TaskDefinition td = TaskDefinitionRefs.resolve(ctx.taskDefinitions(), ctx.arns(), req.taskDefinition());
        @SuppressWarnings("unchecked")
        Map<String, Object> overrides =
                in.has("overrides") ? Json.mapper().convertValue(in.get("overrides"), Map.class) : Map.of();
        return respond(ctx.launcher().launch(new LaunchRequest(cluster, td, req, overrides)));
    }

    private JsonNode respond(List<Task> tasks) {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode list = out.putArray("tasks");
        tasks.forEach(t ->
                list.add(TaskView.render(t, ctx.arns(), Optional.of(t.spec().tags()))));
        out.putArray("failures");
        return out;
    }

    JsonNode stop(JsonNode in) {
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        String ref = Input.required(in, "task");
        String reason = Input.string(in, "reason").filter(r -> !r.isBlank()).orElse(Reasons.STOPPED_BY_USER);
        if (reason.length() > 255) {
            throw ApiException.invalidParameter("'reason' can be at most 255 characters.");
        }
        Task task = find(cluster, ref)
                .orElseThrow(() -> ApiException.invalidParameter(
                        "The referenced task was not found: " + ref + " in cluster " + cluster.clusterName() + "."));
        Task stopped = ctx.launcher().stop(task, StopCode.UserInitiated, reason);
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("task", TaskView.render(stopped, ctx.arns(), Optional.empty()));
        return out;
    }

    JsonNode describe(JsonNode in) {
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        List<String> refs = Input.strings(in, "tasks");
        if (refs.isEmpty() || refs.size() > 100) {
            throw ApiException.invalidParameter("'tasks' must list 1 to 100 task ids or ARNs.");
        }
        boolean withTags = Input.includes(in, "TAGS");
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode tasks = out.putArray("tasks");
        ArrayNode failures = out.putArray("failures");
        for (String ref : refs) {
            Optional<Task> t = find(cluster, ref);
            if (t.isPresent()) {
                Optional<List<Tag>> tags =
                        withTags ? Optional.of(ctx.tags().list(t.get().taskArn())) : Optional.empty();
                tasks.add(TaskView.render(t.get(), ctx.arns(), tags));
            } else {
                String arn = ref.startsWith("arn:") ? ref : ctx.arns().task(cluster.clusterName(), ref);
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            }
        }
        return out;
    }

    JsonNode list(JsonNode in) {
        Cluster cluster = clusters.findOrDefault(Input.string(in, "cluster"));
        Input.Paging p = Input.paging(in, 100);
        String desired = Input.string(in, "desiredStatus").orElse("RUNNING");
        if (!List.of("RUNNING", "PENDING", "STOPPED").contains(desired)) {
            throw ApiException.invalidParameter("'desiredStatus' must be RUNNING, PENDING or STOPPED.");
        }
        Optional<String> launchType = Input.string(in, "launchType");
        Optional<String> serviceName = Input.string(in, "serviceName");
        if (serviceName.isPresent()
                && ctx.services()
                        .find(ctx.arns().service(cluster.clusterName(), serviceName.get()))
                        .isEmpty()) {
            throw ServiceErrors.notFound(serviceName.get(), cluster.clusterName());
        }
        boolean none = desired.equals("PENDING")
                || Input.string(in, "containerInstance").isPresent()
                || launchType.filter(l -> !l.equals("FARGATE")).isPresent();
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode arns = out.putArray("taskArns");
        if (none) {
            return out;
        }
        Optional<String> family = Input.string(in, "family");
        Optional<String> startedBy = Input.string(in, "startedBy");
        Page<Task> page = ctx.tasks()
                .list(
                        new TaskQuery(
                                cluster.clusterName(),
                                family,
                                startedBy,
                                desired,
                                launchType,
                                serviceName.map(n -> "service:" + n)),
                        p.offset(),
                        p.limit());
        page.items().forEach(t -> arns.add(t.taskArn()));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private Optional<Task> find(Cluster cluster, String ref) {
        if (!ctx.arns().isLocal(ref)) {
            return Optional.empty();
        }
        Optional<String> inArn = Arns.clusterOfTask(ref);
        if (inArn.isPresent() && !inArn.get().equals(cluster.clusterName())) {
            return Optional.empty();
        }
        return ctx.tasks()
                .find(Arns.taskId(ref))
                .filter(t -> t.spec().clusterName().equals(cluster.clusterName()));
    }
}
