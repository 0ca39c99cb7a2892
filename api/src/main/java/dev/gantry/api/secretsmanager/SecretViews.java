package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretTag;
import dev.gantry.core.secret.SecretValue;
import dev.gantry.core.secret.SecretVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;

/** Secrets Manager's output shapes: DescribeSecret, SecretListEntry, GetSecretValue, and their parts. */
final class SecretViews {
    /** A Gantry extension member of DescribeSecret: why the last rotation failed (SDKs ignore unknown members). */
    static final String ROTATION_FAILURE = "GantryRotationFailure";

    private SecretViews() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static void date(ObjectNode out, String member, Instant at) {
        out.put(member, BigDecimal.valueOf(at.toEpochMilli(), 3));
    }

    static ObjectNode arnAndName(Secret s) {
        ObjectNode out = object();
        out.put("ARN", s.arn());
        out.put("Name", s.name());
        return out;
    }

    /** DescribeSecret's output; ListSecrets' entries use the same members but name the versions' map differently. */
    static ObjectNode describe(Secret s, String versionsMember) {
        ObjectNode out = arnAndName(s);
        s.description().ifPresent(d -> out.put("Description", d));
        s.kmsKeyId().ifPresent(k -> out.put("KmsKeyId", k));
        Rotation r = s.rotation();
        out.put("RotationEnabled", r.enabled());
        r.function().ifPresent(f -> out.put("RotationLambdaARN", f));
        if (r.hasRules()) {
            ObjectNode rules = out.putObject("RotationRules");
            r.automaticallyAfterDays().ifPresent(d -> rules.put("AutomaticallyAfterDays", d));
            r.duration().ifPresent(d -> rules.put("Duration", d));
            r.scheduleExpression().ifPresent(e -> rules.put("ScheduleExpression", e));
        }
        r.lastRotatedAt().ifPresent(at -> date(out, "LastRotatedDate", at));
        dev.gantry.core.secret.RotationSchedule.next(r, s.createdAt())
                .ifPresent(at -> date(out, "NextRotationDate", at));
        r.lastFailure().ifPresent(f -> out.put(ROTATION_FAILURE, f));
        date(out, "LastChangedDate", s.lastChangedAt());
        s.deletedAt().ifPresent(at -> date(out, "DeletedDate", at));
        if (!s.tags().isEmpty()) {
            ArrayNode tags = out.putArray("Tags");
            for (SecretTag t : s.tags()) {
                tags.addObject().put("Key", t.key()).put("Value", t.value());
            }
        }
        if (!s.versions().isEmpty()) {
            ObjectNode versions = out.putObject(versionsMember);
            for (SecretVersion v : s.versions()) {
                ArrayNode stages = versions.putArray(v.versionId());
                v.stages().forEach(stages::add);
            }
        }
        date(out, "CreatedDate", s.createdAt());
        return out;
    }

    /** GetSecretValue's output (and a BatchGetSecretValue entry). */
    static ObjectNode value(Secret s, SecretVersion v, SecretValue value) {
        ObjectNode out = arnAndName(s);
        out.put("VersionId", v.versionId());
        switch (value) {
            case SecretValue.Text t -> out.put("SecretString", t.value());
            case SecretValue.Binary b ->
                out.put("SecretBinary", Base64.getEncoder().encodeToString(b.value()));
        }
        ArrayNode stages = out.putArray("VersionStages");
        v.stages().forEach(stages::add);
        date(out, "CreatedDate", v.createdAt());
        return out;
    }

    static ArrayNode stages(ObjectNode out, SecretVersion v) {
        ArrayNode stages = out.putArray("VersionStages");
        v.stages().forEach(stages::add);
        return stages;
    }
}
