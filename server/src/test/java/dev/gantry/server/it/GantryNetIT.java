package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gantry.core.ec2.DefaultVpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@code gantry net} as a user runs it (its own JVM, the admin key in the environment) against a real server: two
 * running tasks in two security groups made with the AWS CLI, the server's group admitting the client's group on
 * tcp/8080. The output shows the rule in words, both tasks' interfaces, and exactly one way between the two tasks:
 * the client may open tcp 8080 on the server (not the reverse, the client's group admitting nothing).
 */
class GantryNetIT {
    private static final String CLUSTER = "gantry-net";

    private static TestGantry g;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed at /usr/bin/aws (.ci/run installs it)");
        g = TestGantry.shared();
        aws = new AwsCli(g.server.endpoint());
        g.ecs.createCluster(CreateClusterRequest.builder().clusterName(CLUSTER).build());
    }

    @Test
    void showsTheRuleTheInterfacesAndWhichTaskMayReachWhich() throws Exception {
        String serverGroup = group("net-server");
        String clientGroup = group("net-client");
        aws.run(
                "ec2",
                "authorize-security-group-ingress",
                "--group-id",
                serverGroup,
                "--ip-permissions",
                "IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=" + clientGroup + "}]");
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "net-sleep", TaskDefs.container("main", "sleep", "3600").build())
                .build());
        Task server = g.awaitStatus(CLUSTER, run(serverGroup), "RUNNING");
        Task client = g.awaitStatus(CLUSTER, run(clientGroup), "RUNNING");
        try {
            String out = gantry("net", "--vpc", DefaultVpc.VPC_ID);

            assertThat(out).contains("Subnets:").contains(DefaultVpc.SUBNET_ID);
            assertThat(out).containsPattern(serverGroup + " net-server-\\d+ \\(" + DefaultVpc.VPC_ID + "\\)");
            assertThat(out).contains("tcp 8080 from " + clientGroup + " (net-client-");
            assertThat(out)
                    .containsPattern(id(server) + "\\s+net-sleep:\\d+\\s+"
                            + ip(server).replace(".", "\\.") + "\\s+" + DefaultVpc.SUBNET_ID + "\\s+" + serverGroup);
            assertThat(out)
                    .containsPattern(id(client) + "\\s+net-sleep:\\d+\\s+"
                            + ip(client).replace(".", "\\.") + "\\s+" + DefaultVpc.SUBNET_ID + "\\s+" + clientGroup);
            List<String> reach =
                    out.substring(out.indexOf("Reachability")).lines().toList();
            assertThat(reach)
                    .as(out)
                    .anyMatch(l -> l.matches("\\s*" + id(client) + "\\s+" + id(server) + "\\s+tcp 8080"))
                    .noneMatch(l -> l.matches("\\s*" + id(server) + "\\s+" + id(client) + "\\b.*"));
        } finally {
            for (Task t : List.of(server, client)) {
                g.ecs.stopTask(b -> b.cluster(CLUSTER).task(t.taskArn()));
            }
        }
    }

    private static String group(String name) throws Exception {
        return aws.run(
                "ec2",
                "create-security-group",
                "--group-name",
                name + "-" + System.nanoTime(),
                "--description",
                "GantryNetIT",
                "--vpc-id",
                DefaultVpc.VPC_ID,
                "--query",
                "GroupId",
                "--output",
                "text");
    }

    private static String run(String securityGroup) {
        List<Task> tasks = g.ecs.runTask(RunTaskRequest.builder()
                        .cluster(CLUSTER)
                        .taskDefinition("net-sleep")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets(DefaultVpc.SUBNET_ID)
                                        .securityGroups(securityGroup)
                                        .build())
                                .build())
                        .build())
                .tasks();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).taskArn();
    }

    private static String id(Task t) {
        return t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
    }

    private static String ip(Task t) {
        return t.attachments().get(0).details().stream()
                .filter(d -> d.name().equals("privateIPv4Address"))
                .map(KeyValuePair::value)
                .findFirst()
                .orElseThrow();
    }

    /** The gantry command as a user runs it (a JVM of its own), with the admin key in the environment. */
    private static String gantry(String... args) throws Exception {
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
}
