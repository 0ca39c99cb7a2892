package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.discovery.CloudMap;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.CloudMapMessages;
import dev.gantry.core.servicediscovery.Filter;
import dev.gantry.core.servicediscovery.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** GetOperation, ListOperations, and the tag calls (TagResource, UntagResource, ListTagsForResource). */
final class OperationHandlers {
    private static final Set<String> FILTERS = Set.of("NAMESPACE_ID", "SERVICE_ID", "STATUS", "TYPE", "UPDATE_DATE");

    private final CloudMap cloudMap;
    private final CloudMapViews views;

    OperationHandlers(CloudMap cloudMap, CloudMapViews views) {
        this.cloudMap = cloudMap;
        this.views = views;
    }

    JsonNode get(JsonNode body) {
        String id = new CloudMapInput(body).required("OperationId", 255);
        Operation op = cloudMap.store()
                .operation(id)
                .orElseThrow(() -> CloudMapError.OPERATION_NOT_FOUND.error(
                        String.format(CloudMapMessages.OPERATION_NOT_FOUND, id)));
        return CloudMapViews.object().set("Operation", views.operation(op));
    }

    JsonNode list(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        List<Filter> filters = new ArrayList<>();
        for (JsonNode f : in.list("Filters")) {
            CloudMapInput fi = new CloudMapInput(f);
            String name = fi.string("Name", 64).orElseThrow(() -> CloudMapInput.missing("Filters[].Name"));
            if (!fi.has("Values")) {
                throw CloudMapInput.missing("Filters[].Values");
            }
            Set<String> conditions = name.equals("UPDATE_DATE") ? Set.of("BETWEEN") : Set.of("EQ", "IN");
            String dflt = name.equals("UPDATE_DATE") ? "BETWEEN" : "EQ";
            filters.add(Filter.of(
                    name, fi.strings("Values"), fi.string("Condition", 16).orElse(dflt), FILTERS, conditions));
        }
        List<Operation> matching = cloudMap.store().operations().stream()
                .filter(op -> filters.stream().allMatch(f -> matches(f, op)))
                .toList();
        ObjectNode page = CloudMapViews.page("Operations", matching, in.offset(), in.maxResults(100, 100), op -> {
            ObjectNode o = CloudMapViews.object();
            o.put("Id", op.id());
            o.put("Status", op.status().name());
            return o;
        });
        return page;
    }

    private static boolean matches(Filter f, Operation op) {
        return switch (f.name()) {
            case "NAMESPACE_ID" -> f.matches(op.targets().getOrDefault("NAMESPACE", ""));
            case "SERVICE_ID" -> f.matches(op.targets().getOrDefault("SERVICE", ""));
            case "STATUS" -> f.matches(op.status().name());
            case "TYPE" -> f.matches(op.type().name());
            default -> f.between(op.updatedAt().toEpochMilli() / 1000.0);
        };
    }

    JsonNode tag(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String arn = in.required("ResourceARN", 1011);
        if (!in.has("Tags")) {
            throw CloudMapInput.missing("Tags");
        }
        cloudMap.tag(arn, in.tags("Tags"));
        return CloudMapViews.object();
    }

    JsonNode untag(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String arn = in.required("ResourceARN", 1011);
        if (!in.has("TagKeys")) {
            throw CloudMapInput.missing("TagKeys");
        }
        cloudMap.untag(arn, in.strings("TagKeys"));
        return CloudMapViews.object();
    }

    JsonNode listTags(JsonNode body) {
        String arn = new CloudMapInput(body).required("ResourceARN", 1011);
        ObjectNode out = CloudMapViews.object();
        ArrayNode tags = out.putArray("Tags");
        cloudMap.tags(arn).forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return out;
    }
}
