package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.secret.Rotation;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretMessages;
import java.util.Optional;

/**
 * RotateSecret: stores the rotation function and rules, and (RotateImmediately, the default) starts a rotation in
 * the control plane, which runs the function's four steps as ECS tasks. Scheduled rotation is stored and shown,
 * not run.
 */
final class RotationHandlers {
    static final String NO_FUNCTION = "No Lambda rotation function ARN is associated with this secret. Give "
            + "RotationLambdaARN: in Gantry, the ARN of the ECS task definition that runs the rotation steps.";

    private final SecretsContext ctx;

    RotationHandlers(SecretsContext ctx) {
        this.ctx = ctx;
    }

    JsonNode rotate(JsonNode body) {
        SecretsInput in = new SecretsInput(body);
        String secretId = in.secretId();
        String token = in.token("ClientRequestToken").orElseGet(ctx::newVersionId);
        Optional<String> function = in.string("RotationLambdaARN", 0, 2048);
        Optional<Rules> rules = in.node("RotationRules").map(n -> Rules.of(new SecretsInput(n)));
        boolean immediately = in.bool("RotateImmediately").orElse(true);
        Secret live = ctx.live(secretId);
        String fn = function.or(() -> live.rotation().function())
                .orElseThrow(() -> SecretMessages.invalidRequest(NO_FUNCTION));
        ctx.rotator().checkFunction(fn);
        Secret s = ctx.change(secretId, before -> {
            if (before.scheduledForDeletion()) {
                throw SecretMessages.markedForDeletion();
            }
            Rotation r = before.rotation();
            Rotation after = new Rotation(
                    true,
                    Optional.of(fn),
                    rules.map(Rules::days).orElse(r.automaticallyAfterDays()),
                    rules.map(Rules::duration).orElse(r.duration()),
                    rules.map(Rules::schedule).orElse(r.scheduleExpression()),
                    r.lastRotatedAt(),
                    r.lastFailure());
            return after.equals(r)
                    ? Optional.empty()
                    : Optional.of(SecretsContext.Change.of(before.withRotation(after)));
        });
        ObjectNode out = SecretViews.arnAndName(s);
        if (immediately) {
            ctx.rotator().start(s, token, fn);
            out.put("VersionId", token);
        }
        return out;
    }

    /** RotationRules as given. */
    record Rules(Optional<Long> days, Optional<String> duration, Optional<String> schedule) {
        static Rules of(SecretsInput in) {
            Optional<Long> days = in.longValue("AutomaticallyAfterDays", 1, 1000);
            Optional<String> duration = in.string("Duration", 2, 3);
            Optional<String> schedule = in.string("ScheduleExpression", 1, 256);
            if (days.isPresent() && schedule.isPresent()) {
                throw SecretMessages.invalidParameter("Give RotationRules.AutomaticallyAfterDays or "
                        + "RotationRules.ScheduleExpression, not both.");
            }
            duration.ifPresent(d -> {
                if (!d.matches("[0-9]{1,2}h")) {
                    throw SecretsInput.invalid(
                            d,
                            "RotationRules.Duration",
                            "Member must satisfy regular " + "expression pattern: [0-9h]+ (hours, e.g. 3h)");
                }
            });
            schedule.ifPresent(e -> {
                if (!e.matches("(rate|cron)\\(.*\\)")) {
                    throw SecretMessages.invalidParameter("RotationRules.ScheduleExpression must be a rate() or "
                            + "cron() expression, e.g. rate(10 days); it is '" + e + "'.");
                }
            });
            return new Rules(days, duration, schedule);
        }
    }
}
