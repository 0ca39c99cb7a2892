package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real AWS CLI v2 pointed at Gantry with --endpoint-url, as a user would script it. */
class AwsCliIT {
    private static TestGantry g;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed at /usr/bin/aws (.ci/run installs it)");
        g = TestGantry.shared();
    }

    private static String aws(String... args) throws IOException, InterruptedException {
        return new AwsCli(g.server.endpoint()).run(args);
    }

    private static ProcessBuilder process(String... args) {
        return new AwsCli(g.server.endpoint()).process(args);
    }

    @Test
    void createRegisterRunReachTailAndStop() throws Exception {
        aws("ecs", "create-cluster", "--cluster-name", "cli");
        Path td = Files.createTempFile("td", ".json");
        Files.writeString(td, """
                {"family": "cli-web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                 "cpu": "256", "memory": "512",
                 "containerDefinitions": [{
                   "name": "web", "image": "%s", "essential": true, "stopTimeout": 2,
                   "command": ["sh", "-c", "echo cli task says hello; httpd -f -p 8080 -h /www"],
                   "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
                   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/it/cli",
                     "awslogs-region": "us-east-1", "awslogs-stream-prefix": "cli", "awslogs-create-group": "true"}}
                 }]}
                """.formatted(TestGantry.IMAGE));
        assertThat(aws(
                        "ecs",
                        "register-task-definition",
                        "--cli-input-json",
                        "file://" + td,
                        "--query",
                        "taskDefinition.revision",
                        "--output",
                        "text"))
                .matches("\\d+");
        String arn = aws(
                "ecs",
                "run-task",
                "--cluster",
                "cli",
                "--task-definition",
                "cli-web",
                "--launch-type",
                "FARGATE",
                "--network-configuration",
                "awsvpcConfiguration={subnets=[subnet-gantry],assignPublicIp=DISABLED}",
                "--query",
                "tasks[0].taskArn",
                "--output",
                "text");
        assertThat(arn).contains(":task/cli/");
        aws("ecs", "wait", "tasks-running", "--cluster", "cli", "--tasks", arn);
        String ip = aws(
                "ecs",
                "describe-tasks",
                "--cluster",
                "cli",
                "--tasks",
                arn,
                "--query",
                "tasks[0].attachments[0].details[?name=='privateIPv4Address'].value | [0]",
                "--output",
                "text");
        HttpResponse<String> page = TestGantry.getWhenListening("http://" + ip + ":8080/index.html");
        assertThat(page.statusCode()).isEqualTo(200);

        assertThat(tailFollowUntil("cli task says hello")).isTrue();

        aws("ecs", "stop-task", "--cluster", "cli", "--task", arn, "--reason", "done from the cli");
        aws("ecs", "wait", "tasks-stopped", "--cluster", "cli", "--tasks", arn);
        String stopped = aws(
                "ecs",
                "describe-tasks",
                "--cluster",
                "cli",
                "--tasks",
                arn,
                "--query",
                "tasks[0].[lastStatus,stopCode,stoppedReason]",
                "--output",
                "text");
        assertThat(stopped).isEqualTo("STOPPED\tUserInitiated\tdone from the cli");
        assertThat(aws(
                        "ecs",
                        "describe-tasks",
                        "--cluster",
                        "cli",
                        "--tasks",
                        arn,
                        "--query",
                        "tasks[0].containers[0].exitCode",
                        "--output",
                        "text"))
                .matches("\\d+");
    }

    /** An id as {@code gantry ps} prints it is one that {@code aws ecs describe-tasks --tasks} finds. */
    @Test
    void aTaskIdPrintedByGantryPsWorksWithTheAwsCli() throws Exception {
        aws("ecs", "create-cluster", "--cluster-name", "psids");
        aws(
                "ecs",
                "register-task-definition",
                "--family",
                "ps-ids",
                "--network-mode",
                "awsvpc",
                "--requires-compatibilities",
                "FARGATE",
                "--cpu",
                "256",
                "--memory",
                "512",
                "--container-definitions",
                "[{\"name\":\"main\",\"image\":\"" + TestGantry.IMAGE
                        + "\",\"command\":[\"sleep\",\"600\"],\"stopTimeout\":2}]");
        String arn = aws(
                "ecs",
                "run-task",
                "--cluster",
                "psids",
                "--task-definition",
                "ps-ids",
                "--launch-type",
                "FARGATE",
                "--network-configuration",
                "awsvpcConfiguration={subnets=[subnet-gantry]}",
                "--query",
                "tasks[0].taskArn",
                "--output",
                "text");
        List<String> ps = gantry("ps", "--cluster", "psids").lines().toList();
        assertThat(ps.get(0)).startsWith("TASK ");
        String id = ps.get(1).split("\\s+")[0];
        assertThat(arn).endsWith("/" + id);

        assertThat(aws(
                        "ecs",
                        "describe-tasks",
                        "--cluster",
                        "psids",
                        "--tasks",
                        id,
                        "--query",
                        "tasks[0].taskArn",
                        "--output",
                        "text"))
                .isEqualTo(arn);
        aws("ecs", "stop-task", "--cluster", "psids", "--task", id);
    }

    /** The gantry command as a user runs it (a JVM of its own), with the admin key in the environment. */
    private static String gantry(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.gantry.server.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--endpoint", g.server.endpoint()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GANTRY_ACCESS_KEY_ID", TestGantry.ACCESS_KEY);
        pb.environment().put("GANTRY_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("gantry %s; output: %s", String.join(" ", args), out)
                .isZero();
        return out;
    }

    /** `aws logs tail --follow` prints the line, then we stop it (it never ends by itself). */
    private static boolean tailFollowUntil(String text) throws IOException, InterruptedException {
        Process p =
                process("logs", "tail", "/it/cli", "--follow", "--since", "10m").start();
        // readLine blocks: a watchdog ends the tail if the line never comes, so the test fails instead of hanging
        java.util.concurrent.CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS)
                .execute(p::destroyForcibly);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains(text)) {
                    return true;
                }
            }
            return false;
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }
}
