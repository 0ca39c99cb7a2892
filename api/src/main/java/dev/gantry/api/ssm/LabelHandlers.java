package dev.gantry.api.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.ssm.ParameterNames;
import dev.gantry.core.ssm.ParameterTag;
import dev.gantry.core.ssm.SsmError;
import dev.gantry.store.ssm.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** LabelParameterVersion, UnlabelParameterVersion, and the tag calls for parameters (AddTagsToResource, ListTagsForResource, Remove…). */
final class LabelHandlers {
    private final ParameterStore store;

    LabelHandlers(ParameterStore store) {
        this.store = store;
    }

    JsonNode label(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String name = ParameterNames.checkExisting(in.required("Name"));
        Optional<Long> version = in.whole("ParameterVersion", 1, Long.MAX_VALUE);
        List<String> labels = in.strings("Labels", 1, 10, true);
        ParameterStore.LabelResult result = store.label(name, version, labels);
        ObjectNode out = SsmViews.object();
        ArrayNode invalid = out.putArray("InvalidLabels");
        result.invalidLabels().forEach(invalid::add);
        out.put("ParameterVersion", result.version());
        return out;
    }

    JsonNode unlabel(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String name = ParameterNames.checkExisting(in.required("Name"));
        long version = in.whole("ParameterVersion", 1, Long.MAX_VALUE)
                .orElseThrow(() -> SsmError.invalid(null, "parameterVersion", "Member must not be null"));
        List<String> labels = in.strings("Labels", 1, 10, true);
        ParameterStore.LabelResult result = store.unlabel(name, version, labels);
        ObjectNode out = SsmViews.object();
        ArrayNode removed = out.putArray("RemovedLabels");
        labels.stream()
                .distinct()
                .filter(l -> !result.invalidLabels().contains(l))
                .forEach(removed::add);
        ArrayNode invalid = out.putArray("InvalidLabels");
        result.invalidLabels().forEach(invalid::add);
        return out;
    }

    private static String resource(SsmInput in) {
        String type = in.required("ResourceType");
        List<String> types = List.of(
                "Document",
                "ManagedInstance",
                "MaintenanceWindow",
                "Parameter",
                "PatchBaseline",
                "OpsItem",
                "OpsMetadata",
                "Automation",
                "Association");
        if (!types.contains(type)) {
            throw SsmError.invalid(type, "resourceType", "Member must satisfy enum value set: " + types);
        }
        if (!type.equals("Parameter")) {
            throw SsmError.INVALID_RESOURCE_TYPE.error(
                    "Gantry tags only parameters (ResourceType Parameter), not " + type + ".");
        }
        return in.required("ResourceId");
    }

    JsonNode addTags(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String name = resource(in);
        List<ParameterTag> tags = new ArrayList<>();
        for (JsonNode t : in.list("Tags")) {
            SsmInput tag = new SsmInput(t);
            tags.add(ParameterTag.checked(tag.required("Key"), tag.required("Value")));
        }
        if (in.list("Tags").isEmpty()) {
            throw SsmError.invalid(null, "tags", "Member must not be null");
        }
        store.addTags(name, tags);
        return SsmViews.object();
    }

    JsonNode listTags(JsonNode body) {
        Map<String, String> tags = store.tags(resource(new SsmInput(body)));
        ObjectNode out = SsmViews.object();
        ArrayNode list = out.putArray("TagList");
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        return out;
    }

    JsonNode removeTags(JsonNode body) {
        SsmInput in = new SsmInput(body);
        String name = resource(in);
        List<String> keys = in.strings("TagKeys", 0, 1000, true);
        keys.forEach(k -> ParameterTag.checkKey(k, "tagKeys.member"));
        store.removeTags(name, keys);
        return SsmViews.object();
    }
}
