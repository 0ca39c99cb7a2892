package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.validation.TagValidator;
import java.util.ArrayList;
import java.util.List;

/** Reads and validates the {@code tags} member of a request. */
final class Tags {
    private Tags() {}

    static List<Tag> read(JsonNode in) {
        JsonNode t = in.get("tags");
        if (t == null || t.isNull()) {
            return List.of();
        }
        if (!t.isArray()) {
            throw ApiException.invalidParameter("'tags' must be a list of {key, value} objects.");
        }
        List<Tag> tags = new ArrayList<>();
        for (JsonNode e : t) {
            tags.add(new Tag(e.path("key").isTextual() ? e.get("key").asText() : null,
                    e.path("value").isTextual() ? e.get("value").asText() : ""));
        }
        TagValidator.validate(tags);
        return tags;
    }
}
