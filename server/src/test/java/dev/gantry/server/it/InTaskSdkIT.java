package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The first "Done when", end to end: boto3 and the AWS SDK for Java v2, running inside Gantry tasks with no
 * configuration at all, get the task role's credentials from the credentials endpoint (169.254.170.2,
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) and reach Gantry's API (AWS_ENDPOINT_URL), and read a secret and an SSM
 * SecureString as the role. Rotating the secret (RotateSecret running a rotation function — itself boto3 in a task
 * with its own role — that stores the new value) changes what the running task reads, without a restart; a policy
 * that denies the secret then makes the same running task's call fail with AccessDeniedException. The images are
 * made from this host's Python and JDK ({@link HostImages}; built once per host and content).
 */
class InTaskSdkIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "000000000000";
    private static final String PARAM = "/sdk-it/flag";
    private static Path dir;
    private static GantryServer server;
    private static EcsClient ecs;
    private static CloudWatchLogsClient logs;
    private static IamClient iam;
    private static SecretsManagerClient secrets;
    private static String secretArn;
    private static String appRole;

    @BeforeAll
    static void start() {
        dir = createTempDir();
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_NETWORK", "gantry-sdk-it");
        server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        server.awaitReady();
        assertThat(server.taskEndpointProblem())
                .as("the endpoint is set up (run as root)")
                .isEmpty();
        ecs = TestGantry.ecsClient(server.endpoint());
        logs = TestGantry.logsClient(server.endpoint());
        iam = TestGantry.iamClient(server.endpoint());
        secrets = TestGantry.secretsClient(server.endpoint());
        try (SsmClient ssm = TestGantry.ssmClient(server.endpoint())) {
            ssm.putParameter(
                    r -> r.name(PARAM).type(ParameterType.SECURE_STRING).value("flag-on"));
        }
        secretArn = secrets.createSecret(r -> r.name("sdk-it/db").secretString("first-value"))
                .arn();
        String paramArn = "arn:aws:ssm:us-east-1:" + ACCOUNT + ":parameter" + PARAM;
        appRole = role(
                "sdk-app",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "[\"secretsmanager:GetSecretValue\",\"ssm:GetParameter\"],\"Resource\":[\"" + secretArn
                        + "\",\"" + paramArn + "\"]}]}");
    }

    private static String role(String name, String policy) {
        String arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TestGantry.TRUST_ECS_TASKS))
                .role()
                .arn();
        iam.putRolePolicy(r -> r.roleName(name).policyName("access").policyDocument(policy));
        return arn;
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("gantry-sdk-it-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            Engine.removeInstallationOf(dir);
        }
    }

    /** Reads the secret and the parameter once a second, printing what it read or the error's code. */
    private static final String BOTO3_READER = String.join(
            "\n",
            "import boto3, json, os, time",
            "sm, ssm = boto3.client('secretsmanager'), boto3.client('ssm')",
            "def code(e):",
            "    return getattr(e, 'response', {}).get('Error', {}).get('Code', repr(e))",
            "try:",
            "    arn = boto3.client('sts').get_caller_identity()['Arn']",
            "except Exception as e:",
            "    arn = 'error ' + code(e)",
            "method = boto3.Session().get_credentials().method",
            "for i in range(300):",
            "    out = {'i': i, 'arn': arn, 'method': method}",
            "    try:",
            "        out['secret'] = sm.get_secret_value(SecretId=os.environ['SECRET'])['SecretString']",
            "    except Exception as e:",
            "        out['secretError'] = code(e)",
            "    try:",
            "        out['param'] = ssm.get_parameter(Name=os.environ['PARAM'], WithDecryption=True)"
                    + "['Parameter']['Value']",
            "    except Exception as e:",
            "        out['paramError'] = code(e)",
            "    print('RESULT ' + json.dumps(out), flush=True)",
            "    time.sleep(1)");

    /** AWS's rotation contract, as a Lambda would do it: createSecret stores the new value as AWSPENDING. */
    private static final String BOTO3_ROTATOR = String.join(
            "\n",
            "import boto3, os",
            "step, sid, token = os.environ['Step'], os.environ['SecretId'], os.environ['ClientRequestToken']",
            "if step == 'createSecret':",
            "    boto3.client('secretsmanager').put_secret_value(SecretId=sid, ClientRequestToken=token,",
            "        SecretString='rotated-' + token[:8], VersionStages=['AWSPENDING'])",
            "print('ROTATION ' + step, flush=True)");

    private static final String JAVA_MAIN = String.join(
            "\n",
            "import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;",
            "import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;",
            "import software.amazon.awssdk.services.ssm.SsmClient;",
            "import software.amazon.awssdk.services.sts.StsClient;",
            "public class Main {",
            "  public static void main(String[] args) {",
            "    var http = UrlConnectionHttpClient.create();",
            "    try (var sts = StsClient.builder().httpClient(http).build();",
            "        var sm = SecretsManagerClient.builder().httpClient(http).build();",
            "        var ssm = SsmClient.builder().httpClient(http).build()) {",
            "      String arn = sts.getCallerIdentity().arn();",
            "      String secret = sm.getSecretValue(r -> r.secretId(System.getenv(\"SECRET\"))).secretString();",
            "      String param = ssm.getParameter(r -> r.name(System.getenv(\"PARAM\")).withDecryption(true))",
            "          .parameter().value();",
            "      System.out.println(\"RESULT {\\\"arn\\\":\\\"\" + arn + \"\\\",\\\"secret\\\":\\\"\" + secret",
            "          + \"\\\",\\\"param\\\":\\\"\" + param + \"\\\"}\");",
            "    }",
            "  }",
            "}");

    @Test
    void boto3ReadsTheSecretAndParameterAsItsRoleSeesRotationAndIsDeniedByPolicy() {
        assumeTrue(HostImages.pythonAvailable(), "no pyenv Python 3.11.7 with boto3 on this host");
        String image = HostImages.python();
        register("boto3-reader", image, List.of(HostImages.PYTHON.toString(), "-c", BOTO3_READER), appRole);
        String taskArn = run("boto3-reader");
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);

        JsonNode first = awaitResult("boto3-reader", taskId, r -> r.has("secret") && r.has("param"));
        assertThat(first.path("method").asText()).isEqualTo("container-role");
        assertThat(first.path("arn").asText()).startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/sdk-app/");
        assertThat(first.path("secret").asText()).isEqualTo("first-value");
        assertThat(first.path("param").asText()).isEqualTo("flag-on");

        // rotate: the rotation function is a task too, with its own role allowed to store the new version
        String rotatorRole = role(
                "sdk-rotator",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"secretsmanager:PutSecretValue\",\"Resource\":\"" + secretArn + "\"}]}");
        register("sdk-rotator", image, List.of(HostImages.PYTHON.toString(), "-c", BOTO3_ROTATOR), rotatorRole);
        secrets.rotateSecret(r -> r.secretId(secretArn).rotationLambdaARN("sdk-rotator"));
        String rotated = TestGantry.await(
                () -> secrets.getSecretValue(r -> r.secretId(secretArn)).secretString(),
                v -> v.startsWith("rotated-"),
                Duration.ofSeconds(240),
                "the rotation to store and promote the new value");
        JsonNode after = awaitResult(
                "boto3-reader", taskId, r -> rotated.equals(r.path("secret").asText()));
        assertThat(after.path("i").asInt())
                .as("the same running task read it")
                .isGreaterThan(first.path("i").asInt());

        // a policy that denies the secret: the running task's next read is refused, the parameter still reads
        iam.putRolePolicy(r -> r.roleName("sdk-app")
                .policyName("deny-secret")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":"
                        + "\"secretsmanager:GetSecretValue\",\"Resource\":\"" + secretArn + "\"}]}"));
        JsonNode denied = awaitResult("boto3-reader", taskId, r -> r.has("secretError"));
        assertThat(denied.path("secretError").asText()).isEqualTo("AccessDeniedException");
        assertThat(denied.path("param").asText()).isEqualTo("flag-on");
        ecs.stopTask(r -> r.task(taskArn));
        iam.deleteRolePolicy(r -> r.roleName("sdk-app").policyName("deny-secret"));
    }

    @Test
    void theJavaSdkReadsTheSecretAndParameterAsItsRole() throws Exception {
        assumeTrue(HostImages.javaAvailable(), "no JDK 25 at " + HostImages.JDK);
        Path source = Files.createTempDirectory("gantry-sdk-main-").resolve("Main.java");
        Files.writeString(source, JAVA_MAIN);
        List<Path> sdk = new ArrayList<>(HostImages.sdkJarsOnClassPath());
        sdk.add(source);
        register(
                "javasdk",
                HostImages.java(sdk),
                List.of(
                        HostImages.JAVA.toString(),
                        "-cp",
                        HostImages.SDK_DIR + "/*",
                        HostImages.SDK_DIR + "/Main.java"),
                appRole);
        String taskArn = run("javasdk");
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        Task done = TestGantry.await(
                () -> ecs.describeTasks(b -> b.tasks(taskArn)).tasks().get(0),
                t -> t.lastStatus().equals("STOPPED"),
                Duration.ofSeconds(180),
                "task " + taskArn + " to finish");
        JsonNode result = awaitResult("javasdk", taskId, r -> true);
        assertThat(result.path("arn").asText()).startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/sdk-app/");
        assertThat(result.path("secret").asText())
                .as("read as the role, before or after the other test's rotation")
                .matches("first-value|rotated-.*");
        assertThat(result.path("param").asText()).isEqualTo("flag-on");
        assertThat(done.containers().get(0).exitCode()).isZero();
    }

    private static void register(String family, String image, List<String> entryPoint, String taskRole) {
        ecs.registerTaskDefinition(TaskDefs.fargate(
                        family,
                        ContainerDefinition.builder()
                                .name("app")
                                .image(image)
                                .essential(true)
                                .entryPoint(entryPoint)
                                .environment(
                                        KeyValuePair.builder()
                                                .name("SECRET")
                                                .value("sdk-it/db")
                                                .build(),
                                        KeyValuePair.builder()
                                                .name("PARAM")
                                                .value(PARAM)
                                                .build())
                                .logConfiguration(TaskDefs.awslogs("/it/sdk", family))
                                .build())
                .taskRoleArn(taskRole)
                .memory("1024")
                .build());
    }

    private static String run(String family) {
        return ecs.runTask(r -> r.taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets("subnet-gantry")
                                        .build())
                                .build()))
                .tasks()
                .get(0)
                .taskArn();
    }

    /** The newest RESULT line of the task's awslogs stream that satisfies {@code wanted}, waiting for one. */
    private static JsonNode awaitResult(String family, String taskId, Predicate<JsonNode> wanted) {
        try {
            return TestGantry.await(
                            () -> results(family, taskId).stream()
                                    .filter(wanted)
                                    .reduce((a, b) -> b),
                            Optional::isPresent,
                            Duration.ofSeconds(180),
                            "a RESULT from " + family + " matching the step")
                    .orElseThrow();
        } catch (AssertionError e) {
            List<JsonNode> seen = results(family, taskId);
            throw new AssertionError(
                    e.getMessage() + "; last results: " + seen.subList(Math.max(0, seen.size() - 3), seen.size()), e);
        }
    }

    private static List<JsonNode> results(String family, String taskId) {
        try {
            return logs
                    .getLogEvents(b -> b.logGroupName("/it/sdk")
                            .logStreamName(family + "/app/" + taskId)
                            .startFromHead(true))
                    .events()
                    .stream()
                    .map(OutputLogEvent::message)
                    .filter(l -> l.startsWith("RESULT "))
                    .map(l -> {
                        try {
                            return JSON.readTree(l.substring("RESULT ".length()));
                        } catch (Exception e) {
                            throw new AssertionError(l, e);
                        }
                    })
                    .toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException notYet) {
            return List.of();
        }
    }
}
