package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretMessages;
import dev.gantry.core.secret.SecretTag;
import dev.gantry.core.secret.VersionStages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TagResource, UntagResource and UpdateSecretVersionStage. */
final class StageHandlers {
    private final SecretsContext ctx;

    StageHandlers(SecretsContext ctx) {
        this.ctx = ctx;
    }

    JsonNode tag(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        List<SecretTag> tags = in.tags("Tags");
        if (!in.has("Tags")) {
            throw SecretsInput.invalid(null, "Tags", "Member must not be null");
        }
        ctx.change(secretId, s -> {
            refuseDeleted(s);
            Map<String, String> merged = new LinkedHashMap<>();
            s.tags().forEach(t -> merged.put(t.key(), t.value()));
            tags.forEach(t -> merged.put(t.key(), t.value()));
            if (merged.size() > SecretsInput.MAX_TAGS) {
                throw SecretMessages.limit("A secret can have at most " + SecretsInput.MAX_TAGS + " tags; this "
                        + "would make " + merged.size() + ". Remove some with UntagResource first.");
            }
            List<SecretTag> after = new ArrayList<>();
            merged.forEach((k, v) -> after.add(new SecretTag(k, v)));
            return Optional.of(SecretsContext.Change.of(s.withTags(after, ctx.now())));
        });
        return SecretViews.object();
    }

    JsonNode untag(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        Set<String> keys = Set.copyOf(in.strings("TagKeys"));
        ctx.change(secretId, s -> {
            refuseDeleted(s);
            List<SecretTag> after =
                    s.tags().stream().filter(t -> !keys.contains(t.key())).toList();
            return after.size() == s.tags().size()
                    ? Optional.empty()
                    : Optional.of(SecretsContext.Change.of(s.withTags(after, ctx.now())));
        });
        return SecretViews.object();
    }

    JsonNode updateVersionStage(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        String stage = in.string("VersionStage", 1, VersionStages.MAX_STAGE_LENGTH)
                .orElseThrow(() -> SecretsInput.invalid(null, "VersionStage", "Member must not be null"));
        Optional<String> moveTo = in.token("MoveToVersionId");
        Optional<String> removeFrom = in.token("RemoveFromVersionId");
        Secret s = ctx.change(secretId, before -> {
            refuseDeleted(before);
            var versions = VersionStages.move(before.versions(), stage, moveTo, removeFrom);
            return Optional.of(SecretsContext.Change.of(before.withVersions(versions, ctx.now())));
        });
        return SecretViews.arnAndName(s);
    }

    private static void refuseDeleted(Secret s) {
        if (s.scheduledForDeletion()) {
            throw SecretMessages.markedForDeletion();
        }
    }
}
