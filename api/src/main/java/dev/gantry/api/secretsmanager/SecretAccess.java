package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.secret.Secret;
import dev.gantry.store.secret.SecretStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    AccessTarget of(String operation, JsonNode input) {
        String arnPrefix = arnPrefix();
        if (input.hasNonNull("SecretId") && input.get("SecretId").isTextual()) {
            return AccessTarget.of(arnOf(input.get("SecretId").asText()));
        }
        if (operation.equals("CreateSecret")
                && input.hasNonNull("Name")
                && input.get("Name").isTextual()) {
            return AccessTarget.of(arnPrefix + input.get("Name").asText());
        }
        JsonNode ids = input.get("SecretIdList");
        if (ids != null && ids.isArray() && !ids.isEmpty()) {
            List<String> arns = new ArrayList<>();
            ids.forEach(id -> arns.add(arnOf(id.asText())));
            return new AccessTarget(arns, Map.of());
        }
        return AccessTarget.ANY;
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
