package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.secret.Secret;
import dev.gantry.store.secret.SecretStore;
import java.util.Map;
import java.util.Optional;

/**
 * What a Secrets Manager call acts on, for IAM: the secret's ARN (with its 6-character suffix, so a policy naming
 * {@code ...:secret:db-*} or the exact ARN applies) for every call that names a secret; for CreateSecret the ARN
 * without a suffix; {@code *} for ListSecrets and a BatchGetSecretValue by filters, as IAM's tables say.
 */
final class SecretAccess {

    private final SecretStore store;
    private final Arns arns;

    SecretAccess(SecretStore store, Arns arns) {
        this.store = store;
        this.arns = arns;
    }

    /** The target of {@code operation}: only the member that operation reads, so another member cannot stand in. */
    AccessTarget of(String operation, JsonNode input) {
        return switch (operation) {
            case "CreateSecret" ->
                text(input, "Name").map(n -> AccessTarget.of(arnPrefix() + n)).orElse(AccessTarget.ANY);
            case "BatchGetSecretValue" -> batchGet(input);
            case "ListSecrets" -> AccessTarget.ANY;
            case "RotateSecret" -> rotate(input);
            default ->
                text(input, "SecretId").map(id -> AccessTarget.of(arnOf(id))).orElse(AccessTarget.ANY);
        };
    }

    /**
     * As in AWS, BatchGetSecretValue also needs GetSecretValue on every secret it returns: each one named; by
     * filters (which may match any secret) on every secret, i.e. {@code *} — stricter than AWS, which returns the
     * ones the caller may not read under {@code Errors} instead.
     */
    private AccessTarget batchGet(JsonNode input) {
        AccessTarget target = AccessTarget.ANY;
        JsonNode ids = input.get("SecretIdList");
        if (ids != null && ids.isArray() && !ids.isEmpty()) {
            for (JsonNode id : ids) {
                target = target.alsoRequiring("secretsmanager:GetSecretValue", arnOf(id.asText()), Map.of());
            }
            return target;
        }
        return target.alsoRequiring("secretsmanager:GetSecretValue", "*", Map.of());
    }

    /**
     * RotateSecret runs the rotation function's task definition as ECS tasks (Gantry's stand-in for the Lambda),
     * so the caller must also be allowed {@code ecs:RunTask} on it, as AWS asks {@code lambda:InvokeFunction}.
     */
    private AccessTarget rotate(JsonNode input) {
        AccessTarget target =
                text(input, "SecretId").map(id -> AccessTarget.of(arnOf(id))).orElse(AccessTarget.ANY);
        Optional<String> function = text(input, "RotationLambdaARN");
        if (function.isEmpty()) {
            return target;
        }
        String f = function.get();
        String taskDefinition = f.startsWith("arn:")
                ? f
                : "arn:aws:ecs:" + arns.region() + ":" + arns.accountId() + ":task-definition/" + f
                        + (f.contains(":") ? "" : ":*");
        return target.alsoRequiring("ecs:RunTask", taskDefinition, Map.of());
    }

    private static Optional<String> text(JsonNode input, String field) {
        JsonNode v = input.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    private String arnOf(String secretId) {
        return store.find(secretId)
                .map(Secret::arn)
                .orElse(secretId.startsWith("arn:") ? secretId : arnPrefix() + secretId);
    }

    private String arnPrefix() {
        return "arn:aws:secretsmanager:" + arns.region() + ":" + arns.accountId() + ":secret:";
    }
}
