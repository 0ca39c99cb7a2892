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
            throw ApiException.serialization("'tags' must be a list of {key, value} objects.");
        }
        List<Tag> tags = new ArrayList<>();
        for (JsonNode e : t) {
            tags.add(new Tag(text(e, "key", tags.size()), text(e, "value", tags.size())));
        }
        TagValidator.validate(tags);
        return tags;
    }

    /** A tag member: absent or null is null (the validator says what is required), anything but a string is refused. */
    private static String text(JsonNode tag, String member, int index) {
        JsonNode v = tag.isObject() ? tag.get(member) : null;
        if (!tag.isObject() || (v != null && !v.isNull() && !v.isTextual())) {
            throw ApiException.serialization("'tags[" + index + "]." + member + "' must be a string; each tag is "
                    + "{\"key\": \"...\", \"value\": \"...\"}.");
        }
        return v == null || v.isNull() ? null : v.asText();
    }
}
