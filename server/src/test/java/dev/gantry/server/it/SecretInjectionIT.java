package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EnvironmentFile;
import software.amazon.awssdk.services.ecs.model.EnvironmentFileType;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Task-definition secrets and environment files reach a real container's environment, through the AWS SDK for Java
 * v2 and the Docker engine: the values live in Gantry's own Secrets Manager and SSM Parameter Store, and are read as
 * the task's execution role, which IAM must allow; a missing one, or one the role may not read, stops the task with
 * Fargate's ResourceInitializationError.
 */
class SecretInjectionIT {
    private static final String PASSWORD = "pw-7a1e3c9b";
    private static final String FLAG = "flag-value-5d2f";

    private static Path dir;
    private static TestGantry g;
    private static String role;
    private static String db;
    private static String otherSecret;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("gantry-secrets-it-");
        Files.createDirectories(dir.resolve("s3/config"));
        Files.writeString(dir.resolve("s3/config/app.env"), "# settings\nMODE=from-file\nFROM_FILE=yes\n");
        g = TestGantry.start(dir);
        String endpoint = g.server.endpoint();
        try (SecretsManagerClient sm = TestGantry.secretsClient(endpoint);
                SsmClient ssm = TestGantry.ssmClient(endpoint);
                IamClient iam = TestGantry.iamClient(endpoint)) {
            db = sm.createSecret(r ->
                            r.name("prod/db").secretString("{\"username\":\"app\",\"password\":\"" + PASSWORD + "\"}"))
                    .arn();
            otherSecret = sm.createSecret(r -> r.name("prod/other").secretString("not-for-this-role"))
                    .arn();
            ssm.putParameter(r -> r.name("/app/feature-flag")
                    .type(ParameterType.SECURE_STRING)
                    .value(FLAG));
            role = iam.createRole(r ->
                            r.roleName("ecsTaskExecutionRole").assumeRolePolicyDocument(TestGantry.TRUST_ECS_TASKS))
                    .role()
                    .arn();
            iam.putRolePolicy(r -> r.roleName("ecsTaskExecutionRole")
                    .policyName("read-app-secrets")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":[\"secretsmanager:GetSecretValue\",\"ssm:GetParameters\"],"
                            + "\"Resource\":[\"" + db + "\",\"arn:aws:ssm:us-east-1:000000000000:parameter/app/*\","
                            + "\"arn:aws:secretsmanager:us-east-1:000000000000:secret:prod/none-*\"]}]}"));
        }
    }

    @AfterAll
    static void stop() {
        g.server.close();
        Engine.removeInstallationOf(dir);
    }

    private String run(String family, ContainerDefinition c) {
        g.ecs.registerTaskDefinition(
                TaskDefs.fargate(family, c).executionRoleArn(role).build());
        return g.ecs.runTask(b -> b.taskDefinition(family)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
    }

    private List<String> output(String group, String prefix, String arn) {
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);
        return TestGantry.await(
                        () -> g.logs.getLogEvents(GetLogEventsRequest.builder()
                                        .logGroupName(group)
                                        .logStreamName(prefix + "/main/" + taskId)
                                        .startFromHead(true)
                                        .build())
                                .events(),
                        e -> e.stream().anyMatch(x -> x.message().startsWith("END")),
                        Duration.ofSeconds(30),
                        "task output")
                .stream()
                .map(OutputLogEvent::message)
                .toList();
    }

    @Test
    void aJsonKeyOfASecretAndAParameterArriveInTheEnvironmentAndNoAdminKey() {
        String arn = run(
                "with-secrets",
                TaskDefs.container(
                                "main",
                                "sh",
                                "-c",
                                "echo \"PW=$DB_PASSWORD FLAG=$FLAG MODE=$MODE FILE=$FROM_FILE\";"
                                        + " env | cut -d= -f1 | sort | tr '\\n' ' '; echo; env; echo END")
                        .secrets(
                                Secret.builder()
                                        .name("DB_PASSWORD")
                                        .valueFrom(db + ":password::")
                                        .build(),
                                Secret.builder()
                                        .name("FLAG")
                                        .valueFrom("/app/feature-flag")
                                        .build())
                        .environmentFiles(EnvironmentFile.builder()
                                .type(EnvironmentFileType.S3)
                                .value("arn:aws:s3:::config/app.env")
                                .build())
                        .environment(KeyValuePair.builder()
                                .name("MODE")
                                .value("from-environment")
                                .build())
                        .logConfiguration(TaskDefs.awslogs("/it/secrets", "s"))
                        .build());
        Task t = g.awaitStatus("default", arn, "STOPPED");
        assertThat(t.containers().get(0).exitCode())
                .as("reason: %s", t.stoppedReason())
                .isZero();
        List<String> out = output("/it/secrets", "s", arn);
        assertThat(out).contains("PW=" + PASSWORD + " FLAG=" + FLAG + " MODE=from-environment FILE=yes");
        assertThat(String.join("\n", out))
                .as("Gantry's admin keys never reach a task")
                .doesNotContain(TestGantry.ACCESS_KEY, TestGantry.SECRET_KEY)
                .doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

        String described = g.describe("default", arn).toString()
                + g.ecs.describeTaskDefinition(b -> b.taskDefinition("with-secrets"))
                        .toString();
        assertThat(described).doesNotContain(PASSWORD, FLAG).contains("/app/feature-flag");
    }

    @Test
    void aMissingSecretStopsTheTaskWithResourceInitializationError() {
        String missing = "arn:aws:secretsmanager:us-east-1:000000000000:secret:prod/none-XyZ123";
        String arn = run(
                "missing-secret",
                TaskDefs.container("main", "sh", "-c", "echo never")
                        .secrets(Secret.builder().name("X").valueFrom(missing).build())
                        .build());
        Task t = g.awaitStatus("default", arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(t.stoppedReason())
                .startsWith("ResourceInitializationError: unable to pull secrets or registry auth: execution resource "
                        + "retrieval failed: unable to retrieve secret from asm: failed to fetch secret " + missing);
        assertThat(t.containers().get(0).lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void aSecretTheExecutionRoleMayNotReadStopsTheTaskWithIamsMessage() {
        String arn = run(
                "denied-secret",
                TaskDefs.container("main", "sh", "-c", "echo never")
                        .secrets(Secret.builder()
                                .name("X")
                                .valueFrom(otherSecret)
                                .build())
                        .build());
        Task t = g.awaitStatus("default", arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(t.stoppedReason())
                .startsWith("ResourceInitializationError: unable to pull secrets or registry auth: ")
                .contains("AccessDeniedException", role, "secretsmanager:GetSecretValue", otherSecret)
                .doesNotContain("not-for-this-role");
    }

    @Test
    void anExecutionRoleThatIsNotARoleTrustingEcsTasksReadsNothing() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "root-as-execution-role",
                        TaskDefs.container("main", "sh", "-c", "echo never")
                                .secrets(Secret.builder()
                                        .name("X")
                                        .valueFrom(db + ":password::")
                                        .build())
                                .build())
                .executionRoleArn("arn:aws:iam::000000000000:root")
                .build());
        String arn = g.ecs.runTask(b -> b.taskDefinition("root-as-execution-role")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
        Task t = g.awaitStatus("default", arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(t.stoppedReason())
                .startsWith("ResourceInitializationError: ")
                .contains("ECS was unable to assume the role 'arn:aws:iam::000000000000:root'")
                .doesNotContain(PASSWORD);
    }

    @Test
    void aMissingJsonKeyStopsTheTask() {
        String arn = run(
                "missing-key",
                TaskDefs.container("main", "sh", "-c", "echo never")
                        .secrets(Secret.builder()
                                .name("X")
                                .valueFrom(db + ":nokey::")
                                .build())
                        .build());
        Task t = g.awaitStatus("default", arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(t.stoppedReason())
                .startsWith("ResourceInitializationError: ")
                .contains("did not contain json key nokey")
                .doesNotContain(PASSWORD);
    }
}
