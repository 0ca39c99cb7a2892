package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.control.rotation.SecretRotator;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.store.secret.SecretStore;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;

/** AWS Secrets Manager (secretsmanager, JSON 1.1): the operations Gantry implements, in one table. */
public final class SecretsManagerService implements AwsJsonService {
    private final OperationTable operations;
    private final SecretAccess access;

    public SecretsManagerService(
            SecretStore store, Arns arns, IdSource ids, InstantSource clock, SecretRotator rotator) {
        SecretsContext ctx = new SecretsContext(store, arns, ids, clock, rotator);
        access = new SecretAccess(store, arns);
        SecretHandlers secrets = new SecretHandlers(ctx);
        ListHandlers lists = new ListHandlers(ctx, secrets);
        StageHandlers stages = new StageHandlers(ctx);
        RotationHandlers rotation = new RotationHandlers(ctx);
        operations = new OperationTable(
                "Secrets Manager",
                "docs/compat/secretsmanager.md",
                Map.ofEntries(
                        Map.entry("CreateSecret", (in, rc) -> secrets.create(in)),
                        Map.entry("GetSecretValue", (in, rc) -> secrets.get(in)),
                        Map.entry("PutSecretValue", (in, rc) -> secrets.put(in)),
                        Map.entry("UpdateSecret", (in, rc) -> secrets.update(in)),
                        Map.entry("DescribeSecret", (in, rc) -> secrets.describe(in)),
                        Map.entry("DeleteSecret", (in, rc) -> secrets.delete(in)),
                        Map.entry("RestoreSecret", (in, rc) -> secrets.restore(in)),
                        Map.entry("ListSecrets", (in, rc) -> lists.list(in)),
                        Map.entry("BatchGetSecretValue", (in, rc) -> lists.batchGet(in)),
                        Map.entry("ListSecretVersionIds", (in, rc) -> lists.listVersionIds(in)),
                        Map.entry("TagResource", (in, rc) -> stages.tag(in)),
                        Map.entry("UntagResource", (in, rc) -> stages.untag(in)),
                        Map.entry("UpdateSecretVersionStage", (in, rc) -> stages.updateVersionStage(in)),
                        Map.entry("RotateSecret", (in, rc) -> rotation.rotate(in))));
    }

    @Override
    public Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public String targetPrefix() {
        return "secretsmanager";
    }

    @Override
    public ErrorTable errors() {
        return SecretsErrors.TABLE;
    }

    @Override
    public String signingName() {
        return "secretsmanager";
    }

    @Override
    public AccessTarget accessTarget(String operation, JsonNode input) {
        return access.of(operation, input);
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        return operations.dispatch(operation, input, context);
    }
}
