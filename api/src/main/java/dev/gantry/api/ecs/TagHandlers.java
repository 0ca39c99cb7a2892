package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.tag.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** TagResource, UntagResource, ListTagsForResource for clusters, task definitions, tasks and services. */
final class TagHandlers {
    private final EcsContext ctx;

    TagHandlers(EcsContext ctx) {
        this.ctx = ctx;
    }

    JsonNode tag(JsonNode in) {
        String arn = existing(Input.required(in, "resourceArn"));
        List<Tag> tags = Tags.read(in);
        if (tags.isEmpty()) {
            throw ApiException.invalidParameter("'tags' is required: give at least one {key, value}.");
        }
        Set<String> keys = new HashSet<>();
        ctx.tags().list(arn).forEach(t -> keys.add(t.key()));
        tags.forEach(t -> keys.add(t.key()));
        if (keys.size() > 50) {
            throw ApiException.invalidParameter(
                    "A resource can have at most 50 tags; this request would give it " + keys.size() + ".");
        }
        ctx.tags().put(arn, tags);
        return Json.mapper().createObjectNode();
    }

    JsonNode untag(JsonNode in) {
        String arn = existing(Input.required(in, "resourceArn"));
        List<String> keys = Input.strings(in, "tagKeys");
        if (keys.isEmpty()) {
            throw ApiException.invalidParameter("'tagKeys' is required: list the tag keys to remove.");
        }
        ctx.tags().remove(arn, keys);
        return Json.mapper().createObjectNode();
    }

    JsonNode list(JsonNode in) {
        String arn = existing(Input.required(in, "resourceArn"));
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("tags", Json.mapper().valueToTree(ctx.tags().list(arn)));
        return out;
    }

    /** The ARN if it names an existing cluster, task definition or unstopped task. */
    private String existing(String arn) {
        if (!arn.startsWith(
                "arn:aws:ecs:" + ctx.arns().region() + ":" + ctx.arns().accountId() + ":")) {
            throw ApiException.invalidParameter("'" + arn + "' is not an ECS ARN of this region and account.");
        }
        boolean found;
        if (arn.contains(":cluster/")) {
            found = ctx.clusters()
                    .find(Arns.clusterName(arn))
                    .filter(Cluster::isActive)
                    .isPresent();
        } else if (arn.contains(":task-definition/")) {
            TaskDefinitionRefs.Ref r = TaskDefinitionRefs.parse(arn);
            found = r.revision().isPresent()
                    && ctx.taskDefinitions()
                            .find(r.family(), r.revision().get())
                            .isPresent();
        } else if (arn.contains(":task/")) {
            found = Arns.clusterOfTask(arn).isPresent()
                    && ctx.tasks()
                            .find(Arns.taskId(arn))
                            .filter(t -> t.taskArn().equals(arn))
                            .isPresent();
        } else if (arn.contains(":service/") && arn.split("/").length == 3) {
            found = ctx.services()
                    .find(arn)
                    .filter(s -> s.status() != dev.gantry.core.service.ServiceStatus.INACTIVE)
                    .isPresent();
        } else if (arn.contains(":service/")) {
            throw ApiException.invalidParameter("'" + arn + "' is a short-format service ARN, which cannot be "
                    + "tagged. Use the long format arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/NAME.");
        } else {
            throw ApiException.invalidParameter(
                    "Gantry can tag clusters, task definitions, tasks and services; '" + arn + "' is none of these.");
        }
        if (!found) {
            throw ApiException.resourceNotFound("The specified resource could not be found: " + arn);
        }
        return arn;
    }
}
