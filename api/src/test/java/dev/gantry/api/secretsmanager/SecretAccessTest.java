package dev.gantry.api.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.arn.Arns;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.secret.SecretStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Secrets Manager calls act on, for IAM: only the member the operation reads, and the implied reads. */
class SecretAccessTest {
    static final String P = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

    @TempDir
    Path dir;

    Database db;
    SecretAccess access;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        access = new SecretAccess(
                new SecretStore(db, new Envelope(MasterKey.random())), new Arns("us-east-1", "123456789012"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    AccessTarget target(String operation, String json) throws Exception {
        return access.of(operation, Json.mapper().readTree(json));
    }

    @Test
    void aDecoySecretIdDoesNotStandInForWhatTheOperationReads() throws Exception {
        assertThat(target("CreateSecret", "{\"Name\":\"prod/db\",\"SecretId\":\"public/x\"}")
                        .resources())
                .containsExactly(P + "prod/db");
        AccessTarget batch =
                target("BatchGetSecretValue", "{\"SecretId\":\"public/x\",\"SecretIdList\":[\"prod/db\"]}");
        assertThat(batch.resources()).containsExactly("*");
        assertThat(batch.implied())
                .extracting(AccessTarget.Implied::action, AccessTarget.Implied::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("secretsmanager:GetSecretValue", P + "prod/db"));
    }

    @Test
    void aBatchByFiltersNeedsGetSecretValueOnEverySecret() throws Exception {
        AccessTarget batch = target("BatchGetSecretValue", "{\"Filters\":[{\"Key\":\"name\",\"Values\":[\"prod\"]}]}");
        assertThat(batch.implied()).extracting(AccessTarget.Implied::resource).containsExactly("*");
    }

    @Test
    void rotationAlsoNeedsRunTaskOnTheFunctionsTaskDefinition() throws Exception {
        AccessTarget rotate = target("RotateSecret", "{\"SecretId\":\"prod/db\",\"RotationLambdaARN\":\"rotator\"}");
        assertThat(rotate.resources()).containsExactly(P + "prod/db");
        assertThat(rotate.implied())
                .extracting(AccessTarget.Implied::action, AccessTarget.Implied::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "ecs:RunTask", "arn:aws:ecs:us-east-1:123456789012:task-definition/rotator:*"));
    }
}
