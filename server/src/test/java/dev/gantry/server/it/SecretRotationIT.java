package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;

/**
 * RotateSecret with a task definition standing in for the rotation Lambda, on real containers. What this proves: the
 * four steps run in AWS's order as one task each, every task sees AWS's event (Step, SecretId, ClientRequestToken) in
 * its environment (the task's own check of those variables decides its exit code), exit code 0 lets the rotation go
 * on, and after finishSecret the stages move (AWSPENDING version → AWSCURRENT, old → AWSPREVIOUS); a failing step
 * leaves AWSPENDING, is reported on DescribeSecret and blocks a new rotation. What it does not prove: the function
 * calling PutSecretValue itself from inside the task — the busybox image cannot sign a request, and the
 * credentials endpoint is another slice — so the test stores the AWSPENDING version in the function's place, as
 * createSecret would.
 */
class SecretRotationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGantry g;
    private static SecretsManagerClient sm;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        sm = SecretsManagerIT.client(g.server.endpoint());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A rotation "function": logs its step, checks the event it was given, then runs {@code then}. */
    private static String function(String family, String group, String arn, String token, String then) {
        String script = "echo step=$Step; [ \"$SecretId\" = \"" + arn + "\" ] && [ \"$ClientRequestToken\" = \""
                + token + "\" ] && echo \"$SECRETS_MANAGER_ROTATION_EVENT\" | grep -q \"\\\"Step\\\":\\\"$Step\\\"\""
                + " && " + then;
        return g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                family,
                                TaskDefs.container("rotate", "sh", "-c", script)
                                        .logConfiguration(TaskDefs.awslogs(group, "rot"))
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    @Test
    void aSuccessfulRotationRunsTheFourStepsAndMovesTheStages() {
        String name = unique("rotated");
        var created = sm.createSecret(r -> r.name(name).secretString("old-password"));
        String token = UUID.randomUUID().toString();
        String group = "/it/" + name;
        String fn = function(unique("rotator"), group, created.arn(), token, "true");
        // in the function's place: createSecret stores the new value as AWSPENDING under the rotation's token
        sm.putSecretValue(r -> r.secretId(name)
                .clientRequestToken(token)
                .secretString("new-password")
                .versionStages("AWSPENDING"));

        var rotated = sm.rotateSecret(r -> r.secretId(name)
                .clientRequestToken(token)
                .rotationLambdaARN(fn)
                .rotationRules(b -> b.automaticallyAfterDays(30L)));
        assertThat(rotated.versionId()).isEqualTo(token);

        DescribeSecretResponse d = TestGantry.await(
                () -> sm.describeSecret(r -> r.secretId(name)),
                s -> s.lastRotatedDate() != null,
                Duration.ofSeconds(180),
                "the rotation to finish");
        assertThat(d.versionIdsToStages())
                .containsEntry(token, List.of("AWSCURRENT"))
                .containsEntry(created.versionId(), List.of("AWSPREVIOUS"));
        assertThat(d.rotationEnabled()).isTrue();
        assertThat(d.rotationLambdaARN()).isEqualTo(fn);
        assertThat(d.rotationRules().automaticallyAfterDays()).isEqualTo(30L);
        assertThat(d.nextRotationDate()).isEqualTo(d.lastRotatedDate().plus(Duration.ofDays(30)));
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("new-password");

        List<String> steps = TestGantry.await(
                () -> g.logs.filterLogEvents(r -> r.logGroupName(group)).events().stream()
                        .sorted(Comparator.comparing(FilteredLogEvent::timestamp))
                        .map(FilteredLogEvent::message)
                        .toList(),
                l -> l.size() >= 4,
                Duration.ofSeconds(30),
                "the four steps' log lines");
        assertThat(steps)
                .containsExactly("step=createSecret", "step=setSecret", "step=testSecret", "step=finishSecret");
    }

    @Test
    void aFailingStepLeavesPendingReportsItAndBlocksTheNextRotation() throws Exception {
        String name = unique("stuck");
        var created = sm.createSecret(r -> r.name(name).secretString("old"));
        String token = UUID.randomUUID().toString();
        String fn = function(unique("failing"), "/it/" + name, created.arn(), token, "[ \"$Step\" != testSecret ]");
        sm.putSecretValue(r ->
                r.secretId(name).clientRequestToken(token).secretString("new").versionStages("AWSPENDING"));
        sm.rotateSecret(r -> r.secretId(name).clientRequestToken(token).rotationLambdaARN(fn));

        JsonNode d = TestGantry.await(
                () -> describeRaw(name),
                n -> n.has("GantryRotationFailure"),
                Duration.ofSeconds(180),
                "the rotation to fail");
        assertThat(d.path("GantryRotationFailure").asText())
                .contains("Rotation step testSecret failed")
                .contains("exited with 1");
        assertThat(d.has("LastRotatedDate")).isFalse();
        assertThat(d.path("VersionIdsToStages").path(token).get(0).asText()).isEqualTo("AWSPENDING");
        assertThat(d.path("VersionIdsToStages").path(created.versionId()).get(0).asText())
                .isEqualTo("AWSCURRENT");
        assertThat(sm.getSecretValue(r -> r.secretId(name)).secretString()).isEqualTo("old");

        assertThatThrownBy(() -> sm.rotateSecret(r ->
                        r.secretId(name).clientRequestToken(UUID.randomUUID().toString())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("previous rotation isn't complete");
    }

    @Test
    void aLambdaArnIsRefusedWithWhatToGiveInstead() {
        String name = unique("lambda");
        sm.createSecret(r -> r.name(name).secretString("x"));
        assertThatThrownBy(() -> sm.rotateSecret(r ->
                        r.secretId(name).rotationLambdaARN("arn:aws:lambda:us-east-1:123456789012:function:rotate")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("task definition");
        assertThatThrownBy(() -> sm.rotateSecret(r -> r.secretId(name)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("No Lambda rotation function");
    }

    private static JsonNode describeRaw(String secretId) {
        try {
            var response = SignedHttp.post(
                    g.server.endpoint(),
                    "secretsmanager",
                    TestGantry.SECRET_KEY,
                    Map.of(
                            "Content-Type",
                            "application/x-amz-json-1.1",
                            "X-Amz-Target",
                            "secretsmanager.DescribeSecret"),
                    "{\"SecretId\":\"" + secretId + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
