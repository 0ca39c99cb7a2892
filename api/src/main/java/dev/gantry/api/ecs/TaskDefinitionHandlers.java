package dev.gantry.api.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.TaskDefinitionStatus;
import dev.gantry.core.validation.TaskDefinitionValidator;
import dev.gantry.store.Page;
import java.util.List;
import java.util.Optional;

/** RegisterTaskDefinition, DescribeTaskDefinition, List*, DeregisterTaskDefinition, DeleteTaskDefinitions. */
final class TaskDefinitionHandlers {
    private final EcsContext ctx;

    TaskDefinitionHandlers(EcsContext ctx) {
        this.ctx = ctx;
    }

    JsonNode register(JsonNode in, RequestContext rc) {
        SupportedFields.checkTaskDefinition(in);
        List<Tag> tags = Tags.read(in);
        ObjectNode body = ((ObjectNode) in).deepCopy();
        body.remove("tags");
        TaskDefinition requested;
        try {
            requested = Json.mapper().treeToValue(body, TaskDefinition.class);
        } catch (JsonProcessingException e) {
            throw WireErrors.rejected(e, ApiException::client);
        }
        TaskDefinition valid = TaskDefinitionValidator.validateAndNormalize(requested);
        TaskDefinition stored = ctx.taskDefinitions()
                .register(
                        valid.family(),
                        rev -> valid.registered(
                                ctx.arns().taskDefinition(valid.family(), rev),
                                rev,
                                valid.cpu(),
                                valid.memory(),
                                ctx.clock().instant(),
                                rc.principalArn()));
        ctx.tags().put(stored.taskDefinitionArn(), tags);
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("taskDefinition", Json.mapper().valueToTree(stored));
        out.set("tags", Json.mapper().valueToTree(tags));
        return out;
    }

    JsonNode describe(JsonNode in) {
        TaskDefinition td =
                TaskDefinitionRefs.resolve(ctx.taskDefinitions(), ctx.arns(), Input.required(in, "taskDefinition"));
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("taskDefinition", Json.mapper().valueToTree(td));
        if (Input.includes(in, "TAGS")) {
            out.set("tags", Json.mapper().valueToTree(ctx.tags().list(td.taskDefinitionArn())));
        }
        return out;
    }

    JsonNode list(JsonNode in) {
        Input.Paging p = Input.paging(in, 100);
        TaskDefinitionStatus status = status(Input.string(in, "status").orElse("ACTIVE"));
        String sort = Input.string(in, "sort").orElse("ASC");
        if (!sort.equals("ASC") && !sort.equals("DESC")) {
            throw ApiException.invalidParameter("'sort' must be ASC or DESC.");
        }
        Page<TaskDefinition> page = ctx.taskDefinitions()
                .list(Input.string(in, "familyPrefix"), status, sort.equals("DESC"), p.offset(), p.limit());
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode arns = out.putArray("taskDefinitionArns");
        page.items().forEach(td -> arns.add(td.taskDefinitionArn()));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    JsonNode families(JsonNode in) {
        Input.Paging p = Input.paging(in, 100);
        String status = Input.string(in, "status").orElse("ALL");
        if (!List.of("ACTIVE", "INACTIVE", "ALL").contains(status)) {
            throw ApiException.invalidParameter("'status' must be ACTIVE, INACTIVE or ALL.");
        }
        Page<String> page = ctx.taskDefinitions()
                .families(Input.string(in, "familyPrefix").orElse(""), status, p.offset(), p.limit());
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode fams = out.putArray("families");
        page.items().forEach(fams::add);
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    JsonNode deregister(JsonNode in) {
        String ref = Input.required(in, "taskDefinition");
        if (TaskDefinitionRefs.parse(ref).revision().isEmpty()) {
            throw ApiException.client("A revision is required to deregister a task definition: use '" + ref
                    + ":<revision>' or the full ARN.");
        }
        TaskDefinition td = TaskDefinitionRefs.resolve(ctx.taskDefinitions(), ctx.arns(), ref);
        if (td.status().equals(TaskDefinitionStatus.ACTIVE.name())) {
            td = td.withStatus(TaskDefinitionStatus.INACTIVE, ctx.clock().instant());
            ctx.taskDefinitions().update(td);
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("taskDefinition", Json.mapper().valueToTree(td));
        return out;
    }

    JsonNode delete(JsonNode in) {
        List<String> refs = Input.strings(in, "taskDefinitions");
        if (refs.isEmpty() || refs.size() > 10) {
            throw ApiException.invalidParameter("'taskDefinitions' must list 1 to 10 task definitions.");
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode done = out.putArray("taskDefinitions");
        ArrayNode failures = out.putArray("failures");
        for (String ref : refs) {
            Optional<TaskDefinition> td = find(ref);
            if (td.isEmpty()) {
                failures.addObject()
                        .put("arn", ref)
                        .put("reason", "TASK_DEFINITION_NOT_FOUND")
                        .put("detail", "The specified task definition does not exist.");
            } else if (td.get().status().equals(TaskDefinitionStatus.ACTIVE.name())) {
                failures.addObject()
                        .put("arn", td.get().taskDefinitionArn())
                        .put("reason", "TASK_DEFINITION_ACTIVE")
                        .put(
                                "detail",
                                "The specified task definition is still in ACTIVE status. Please deregister "
                                        + "the target and try again.");
            } else {
                TaskDefinition deleting = td.get()
                        .withStatus(
                                TaskDefinitionStatus.DELETE_IN_PROGRESS,
                                ctx.clock().instant());
                ctx.taskDefinitions().update(deleting);
                // gone now unless a task still runs from it; then housekeeping removes it once that task stops
                ctx.deletedRevisions().deleteIfUnused(deleting);
                done.add(Json.mapper().valueToTree(deleting));
            }
        }
        return out;
    }

    private Optional<TaskDefinition> find(String ref) {
        if (!ctx.arns().isLocal(ref)) {
            return Optional.empty(); // another region's or account's revision: not found here, never a local one
        }
        TaskDefinitionRefs.Ref r = TaskDefinitionRefs.parse(ref);
        if (r.revision().isEmpty()) {
            throw ApiException.client("A revision is required to delete a task definition: '" + ref + "'.");
        }
        return ctx.taskDefinitions().find(r.family(), r.revision().get());
    }

    private static TaskDefinitionStatus status(String s) {
        try {
            return TaskDefinitionStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("'status' must be ACTIVE, INACTIVE or DELETE_IN_PROGRESS.");
        }
    }
}
