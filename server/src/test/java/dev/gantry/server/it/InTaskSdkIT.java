package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.control.endpoint.RoleCredentials;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The AWS SDKs inside a task, with no configuration at all: boto3 and the AWS SDK for Java v2 find the task role's
 * credentials through AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (169.254.170.2) and Gantry's API through
 * AWS_ENDPOINT_URL, and call STS GetCallerIdentity. The images are made from this host's Python and JDK
 * ({@link HostImages}; built once per host and content, a minute or so the first time).
 *
 * <p>Until IAM's role sessions are on main the credentials come from a stand-in source whose keys Gantry's API does
 * not know: the call then reaches Gantry's STS with the endpoint's key and is refused as an unknown key
 * ({@code InvalidClientTokenId}), which proves both halves of "no configuration". With IAM connected, the lead
 * turns the refusal into the assumed-role identity (the first "Done when").
 */
class InTaskSdkIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLE = "arn:aws:iam::000000000000:role/sdk-role";
    private static final String KEY_PREFIX = "ASIAINTASKSDK";
    private static Path dir;
    private static GantryServer server;
    private static EcsClient ecs;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("gantry-sdk-it-");
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_NETWORK", "gantry-sdk-it");
        server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        server.awaitReady();
        assertThat(server.taskEndpointProblem())
                .as("the endpoint is set up (run as root)")
                .isEmpty();
        server.taskEndpoints()
                .roleCredentials((role, session, duration) -> new RoleCredentials(
                        KEY_PREFIX + session.substring(0, 7).toUpperCase(),
                        "stand-in-secret",
                        "stand-in-token",
                        Instant.now().plus(duration),
                        role));
        ecs = TestGantry.ecsClient(server.endpoint());
        logs = TestGantry.logsClient(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            Engine.removeInstallationOf(dir);
        }
    }

    private static final String BOTO3 = String.join(
            "\n",
            "import boto3, json",
            "s = boto3.Session()",
            "c = s.get_credentials()",
            "out = {'method': c.method, 'key': c.get_frozen_credentials().access_key}",
            "try:",
            "    r = boto3.client('sts').get_caller_identity()",
            "    out['arn'] = r['Arn']",
            "except Exception as e:",
            "    out['error'] = getattr(e, 'response', {}).get('Error', {}).get('Code', repr(e))",
            "print('RESULT ' + json.dumps(out), flush=True)");

    private static final String JAVA_MAIN = String.join(
            "\n",
            "import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;",
            "import software.amazon.awssdk.awscore.exception.AwsServiceException;",
            "import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;",
            "import software.amazon.awssdk.services.sts.StsClient;",
            "public class Main {",
            "  public static void main(String[] args) {",
            "    var provider = DefaultCredentialsProvider.builder().build();",
            "    String out = \"{\\\"key\\\":\\\"\" + provider.resolveCredentials().accessKeyId() + \"\\\"\";",
            "    try (StsClient sts = StsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {",
            "      out += \",\\\"arn\\\":\\\"\" + sts.getCallerIdentity().arn() + \"\\\"\";",
            "    } catch (AwsServiceException e) {",
            "      out += \",\\\"error\\\":\\\"\" + e.awsErrorDetails().errorCode() + \"\\\"\";",
            "    }",
            "    System.out.println(\"RESULT \" + out + \"}\");",
            "  }",
            "}");

    @Test
    void boto3FindsTheTaskRoleAndGantryWithNoConfiguration() {
        assumeTrue(HostImages.pythonAvailable(), "no pyenv Python 3.11.7 with boto3 on this host");
        JsonNode result = runAndRead("boto3", HostImages.python(), List.of(HostImages.PYTHON.toString(), "-c", BOTO3));
        assertThat(result.path("method").asText()).isEqualTo("container-role");
        assertThat(result.path("key").asText()).startsWith(KEY_PREFIX);
        assertThat(result.path("error").asText())
                .as("Gantry's STS answered (AWS_ENDPOINT_URL) and refused the stand-in key: %s", result)
                .isEqualTo("InvalidClientTokenId");
    }

    @Test
    void theJavaSdkFindsTheTaskRoleAndGantryWithNoConfiguration() throws Exception {
        assumeTrue(HostImages.javaAvailable(), "no JDK 25 at " + HostImages.JDK);
        Path source = Files.createTempDirectory("gantry-sdk-main-").resolve("Main.java");
        Files.writeString(source, JAVA_MAIN);
        List<Path> sdk = new ArrayList<>(HostImages.sdkJarsOnClassPath());
        sdk.add(source);
        JsonNode result = runAndRead(
                "javasdk",
                HostImages.java(sdk),
                List.of(
                        HostImages.JAVA.toString(),
                        "-cp",
                        HostImages.SDK_DIR + "/*",
                        HostImages.SDK_DIR + "/Main.java"));
        assertThat(result.path("key").asText()).startsWith(KEY_PREFIX);
        assertThat(result.path("error").asText())
                .as("Gantry's STS answered (AWS_ENDPOINT_URL) and refused the stand-in key: %s", result)
                .isEqualTo("InvalidClientTokenId");
    }

    /** Runs the program as a task with the role, waits for it to exit, and reads its RESULT line from awslogs. */
    private static JsonNode runAndRead(String family, String image, List<String> entryPoint) {
        ecs.registerTaskDefinition(TaskDefs.fargate(
                        family,
                        ContainerDefinition.builder()
                                .name("app")
                                .image(image)
                                .essential(true)
                                .entryPoint(entryPoint)
                                .logConfiguration(TaskDefs.awslogs("/it/sdk", family))
                                .build())
                .taskRoleArn(ROLE)
                .memory("1024")
                .build());
        String arn = ecs.runTask(r -> r.taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets("subnet-1")
                                        .build())
                                .build()))
                .tasks()
                .get(0)
                .taskArn();
        Task done = TestGantry.await(
                () -> ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0),
                t -> t.lastStatus().equals("STOPPED"),
                Duration.ofSeconds(180),
                "task " + arn + " to finish");
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);
        List<String> lines = logs
                .getLogEvents(b -> b.logGroupName("/it/sdk")
                        .logStreamName(family + "/app/" + taskId)
                        .startFromHead(true))
                .events()
                .stream()
                .map(OutputLogEvent::message)
                .toList();
        String result = lines.stream()
                .filter(l -> l.startsWith("RESULT "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT from " + family + " (exit "
                        + done.containers().get(0).exitCode() + ", " + done.stoppedReason() + "): " + lines));
        try {
            return JSON.readTree(result.substring("RESULT ".length()));
        } catch (Exception e) {
            throw new AssertionError(result, e);
        }
    }
}
