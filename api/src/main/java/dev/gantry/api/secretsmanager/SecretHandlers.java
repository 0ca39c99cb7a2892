package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretMessages;
import dev.gantry.core.secret.SecretNames;
import dev.gantry.core.secret.SecretValue;
import dev.gantry.core.secret.SecretVersion;
import dev.gantry.core.secret.VersionStages;
import dev.gantry.store.secret.NewVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CreateSecret, GetSecretValue, PutSecretValue, UpdateSecret, DescribeSecret, DeleteSecret, RestoreSecret. */
final class SecretHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(SecretHandlers.class);
    static final int DEFAULT_RECOVERY_DAYS = 30;

    private final SecretsContext ctx;

    SecretHandlers(SecretsContext ctx) {
        this.ctx = ctx;
    }

    JsonNode create(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String name = SecretNames.checkName(in.required("Name"));
        if (!in.list("AddReplicaRegions").isEmpty()) {
            throw SecretMessages.invalidRequest(SecretMessages.REPLICAS_UNSUPPORTED);
        }
        Optional<String> description = in.string("Description", 0, 2048);
        Optional<String> kms = in.string("KmsKeyId", 0, 2048);
        Optional<String> token = in.token("ClientRequestToken");
        Optional<SecretValue> value = in.value();
        var tags = in.tags("Tags");
        Instant now = ctx.now();
        String arn = SecretNames.arn(
                ctx.region(),
                ctx.accountId(),
                name,
                SecretNames.suffix(ctx.ids().taskId()));
        Optional<NewVersion> first = value.map(v -> new NewVersion(token.orElseGet(ctx::newVersionId), v));
        List<SecretVersion> versions = first.map(
                        v -> List.of(new SecretVersion(v.versionId(), Set.of(VersionStages.CURRENT), now)))
                .orElse(List.of());
        Secret secret = new Secret(
                arn,
                name,
                description,
                kms,
                now,
                now,
                Optional.empty(),
                Optional.empty(),
                Rotation.NONE,
                tags,
                versions,
                0);
        try {
            ctx.store().create(secret, first);
        } catch (dev.gantry.core.error.ApiException e) {
            // a retried CreateSecret (same token, same value) answers as the first one did
            Optional<ObjectNode> same = sameCreate(name, first);
            if (same.isPresent()) {
                return same.get();
            }
            throw e;
        }
        LOG.atInfo().addKeyValue("secretArn", arn).log("secret created");
        ObjectNode out = SecretViews.arnAndName(secret);
        first.ifPresent(v -> out.put("VersionId", v.versionId()));
        return out;
    }

    private Optional<ObjectNode> sameCreate(String name, Optional<NewVersion> first) {
        if (first.isEmpty()) {
            return Optional.empty();
        }
        return ctx.store()
                .find(name)
                .filter(s -> !s.scheduledForDeletion())
                .flatMap(s -> s.version(first.get().versionId())
                        .filter(v -> ctx.store()
                                .value(s.arn(), v.versionId())
                                .map(old -> old.sameAs(first.get().value()))
                                .orElse(false))
                        .map(v -> {
                            ObjectNode out = SecretViews.arnAndName(s);
                            out.put("VersionId", v.versionId());
                            return out;
                        }));
    }

    JsonNode get(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        Optional<String> versionId = in.string("VersionId", SecretsInput.MIN_TOKEN, SecretsInput.MAX_TOKEN);
        Optional<String> stage = in.string("VersionStage", 1, VersionStages.MAX_STAGE_LENGTH);
        Secret s = ctx.live(secretId);
        return valueOf(s, versionId, stage);
    }

    /** The value of one version of a live secret, as GetSecretValue shows it. */
    ObjectNode valueOf(Secret s, Optional<String> versionId, Optional<String> stage) {
        SecretVersion v;
        if (versionId.isPresent()) {
            v = s.version(versionId.get())
                    .filter(found -> stage.map(found::has).orElse(true))
                    .orElseThrow(() -> SecretMessages.versionNotFound("VersionId", versionId.get()));
        } else {
            String label = stage.orElse(VersionStages.CURRENT);
            v = s.staged(label).orElseThrow(() -> SecretMessages.versionNotFound("staging label", label));
        }
        SecretValue value = ctx.store()
                .value(s.arn(), v.versionId())
                .orElseThrow(() -> SecretMessages.versionNotFound("VersionId", v.versionId()));
        return SecretViews.value(s, v, value);
    }

    JsonNode put(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        String token = in.token("ClientRequestToken").orElseGet(ctx::newVersionId);
        SecretValue value =
                in.value().orElseThrow(() -> SecretMessages.invalidParameter(SecretMessages.NO_VALUE_FOR_STAGES));
        List<String> given = in.strings("VersionStages");
        if (in.has("VersionStages") && given.isEmpty()) {
            throw SecretsInput.invalid("[]", "VersionStages", "Member must have length greater than or equal to 1");
        }
        Set<String> stages = given.isEmpty() ? Set.of(VersionStages.CURRENT) : new LinkedHashSet<>(given);
        VersionStages.checkCount(stages);
        Secret after = putVersion(secretId, token, value, stages);
        SecretVersion v = after.version(token).orElseThrow();
        ObjectNode out = SecretViews.arnAndName(after);
        out.put("VersionId", token);
        SecretViews.stages(out, v);
        return out;
    }

    /** Adds a version (PutSecretValue, UpdateSecret); a repeat of the same token and value changes nothing. */
    Secret putVersion(String secretId, String token, SecretValue value, Set<String> stages) {
        boolean[] stored = {false};
        Secret after = ctx.change(secretId, s -> {
            if (s.scheduledForDeletion()) {
                throw SecretMessages.markedForDeletion();
            }
            if (s.version(token).isPresent()) {
                boolean same = ctx.store()
                        .value(s.arn(), token)
                        .map(old -> old.sameAs(value))
                        .orElse(false);
                if (!same) {
                    throw SecretMessages.exists(SecretMessages.VERSION_EXISTS);
                }
                stored[0] = false;
                return Optional.empty();
            }
            Instant now = ctx.now();
            var versions = VersionStages.afterPut(s.versions(), token, stages, now);
            stored[0] = true;
            return Optional.of(new SecretsContext.Change(
                    s.withVersions(versions, now), Optional.of(new NewVersion(token, value))));
        });
        if (stored[0]) {
            LOG.atInfo()
                    .addKeyValue("secretArn", after.arn())
                    .addKeyValue("versionId", token)
                    .addKeyValue("stages", stages)
                    .log("secret version stored");
        }
        return after;
    }

    JsonNode update(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        Optional<String> description = in.string("Description", 0, 2048);
        Optional<String> kms = in.string("KmsKeyId", 0, 2048);
        Optional<String> token = in.token("ClientRequestToken");
        Optional<SecretValue> value = in.value();
        Secret s = ctx.live(secretId);
        if (description.isPresent() || kms.isPresent()) {
            s = ctx.change(secretId, before -> {
                if (before.scheduledForDeletion()) {
                    throw SecretMessages.markedForDeletion();
                }
                return Optional.of(SecretsContext.Change.of(
                        before.withDetails(description.or(before::description), kms.or(before::kmsKeyId), ctx.now())));
            });
        }
        ObjectNode out;
        if (value.isPresent()) {
            String versionId = token.orElseGet(ctx::newVersionId);
            s = putVersion(secretId, versionId, value.get(), Set.of(VersionStages.CURRENT));
            out = SecretViews.arnAndName(s);
            out.put("VersionId", versionId);
        } else {
            out = SecretViews.arnAndName(s);
        }
        return out;
    }

    JsonNode describe(JsonNode body) {
        return SecretViews.describe(ctx.find(new SecretsInput(body).secretId()), "VersionIdsToStages");
    }

    JsonNode delete(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        Optional<Long> window = in.node("RecoveryWindowInDays")
                .map(n -> in.longValue("RecoveryWindowInDays", Long.MIN_VALUE, Long.MAX_VALUE)
                        .orElseThrow());
        boolean force = in.bool("ForceDeleteWithoutRecovery").orElse(false);
        if (force && window.isPresent()) {
            throw SecretMessages.invalidParameter(SecretMessages.FORCE_AND_WINDOW);
        }
        long days = window.orElse((long) DEFAULT_RECOVERY_DAYS);
        if (days < 7 || days > 30) {
            throw SecretMessages.invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days "
                    + "(inclusive); it is " + days + ".");
        }
        Instant now = ctx.now();
        if (force) {
            Secret s = ctx.find(secretId);
            ctx.store().remove(s.arn());
            LOG.atInfo().addKeyValue("secretArn", s.arn()).log("secret deleted without recovery");
            ObjectNode out = SecretViews.arnAndName(s);
            SecretViews.date(out, "DeletionDate", now);
            return out;
        }
        Instant after = now.plus(Duration.ofDays(days));
        Secret s = ctx.change(secretId, before -> {
            if (before.scheduledForDeletion()) {
                throw SecretMessages.markedForDeletion();
            }
            return Optional.of(SecretsContext.Change.of(before.withDeletion(Optional.of(now), Optional.of(after))));
        });
        LOG.atInfo()
                .addKeyValue("secretArn", s.arn())
                .addKeyValue("deleteAfter", after)
                .log("secret scheduled for deletion");
        ObjectNode out = SecretViews.arnAndName(s);
        SecretViews.date(out, "DeletionDate", after);
        return out;
    }

    JsonNode restore(JsonNode body) {
        String secretId = new SecretsInput(body).secretId();
        Secret s = ctx.change(
                secretId,
                before -> before.scheduledForDeletion()
                        ? Optional.of(SecretsContext.Change.of(before.withDeletion(Optional.empty(), Optional.empty())))
                        : Optional.empty());
        LOG.atInfo().addKeyValue("secretArn", s.arn()).log("secret restored");
        return SecretViews.arnAndName(s);
    }
}
