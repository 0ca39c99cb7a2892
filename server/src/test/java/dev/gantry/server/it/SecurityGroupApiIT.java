package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.runtime.docker.Names;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
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
 * Security groups enforced by a real Gantry server, changed through the real AWS CLI's EC2 commands while both tasks
 * keep running: two tasks in the default VPC's default group reach each other through its self-referencing rule;
 * revoking that rule drops the client's connection (it times out), a narrower rule (tcp/8080 from the group) lets it
 * through again, revoking that drops it again. The default group's original rule is put back at the end.
 */
class SecurityGroupApiIT {
    private static final String CLUSTER = "sg-api";
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String SELF_ALL =
            "IpProtocol=-1,UserIdGroupPairs=[{GroupId=" + DefaultVpc.SECURITY_GROUP_ID + "}]";
    private static final String SELF_8080 = "IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId="
            + DefaultVpc.SECURITY_GROUP_ID + "}]";

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
    void ruleChangesThroughEc2ReachRunningTasksWithinTheirLife() throws Exception {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "sg-web",
                        TaskDefs.container("web", "httpd", "-f", "-p", "8080", "-h", "/www")
                                .build())
                .build());
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "sg-client",
                        TaskDefs.container("client", "sleep", "3600").build())
                .build());
        Task web = running(run("sg-web"));
        Task client = running(run("sg-client"));
        String ip = ip(web);
        String container = Names.container(id(client), "client");
        try {
            assertThat(probe(container, ip))
                    .as("the default group admits its members")
                    .isEqualTo(Probe.CONNECTED);

            aws.run(
                    "ec2",
                    "revoke-security-group-ingress",
                    "--group-id",
                    DefaultVpc.SECURITY_GROUP_ID,
                    "--ip-permissions",
                    SELF_ALL);
            assertThat(await(container, ip, p -> p != Probe.CONNECTED)).isEqualTo(Probe.TIMED_OUT);

            aws.run(
                    "ec2",
                    "authorize-security-group-ingress",
                    "--group-id",
                    DefaultVpc.SECURITY_GROUP_ID,
                    "--ip-permissions",
                    SELF_8080);
            assertThat(await(container, ip, p -> p == Probe.CONNECTED)).isEqualTo(Probe.CONNECTED);

            aws.run(
                    "ec2",
                    "revoke-security-group-ingress",
                    "--group-id",
                    DefaultVpc.SECURITY_GROUP_ID,
                    "--ip-permissions",
                    SELF_8080);
            assertThat(await(container, ip, p -> p != Probe.CONNECTED)).isEqualTo(Probe.TIMED_OUT);
        } finally {
            aws.run(
                    "ec2",
                    "authorize-security-group-ingress",
                    "--group-id",
                    DefaultVpc.SECURITY_GROUP_ID,
                    "--ip-permissions",
                    SELF_ALL);
        }
        assertThat(g.describe(CLUSTER, web.taskArn()).startedAt()).isEqualTo(web.startedAt()); // never restarted
        assertThat(g.describe(CLUSTER, client.taskArn()).lastStatus()).isEqualTo("RUNNING");
        assertThat(probe(container, ip)).isEqualTo(Probe.CONNECTED);
    }

    /** "Done when" #2: two tasks in two groups; only a rule naming the client's group lets it in. */
    @Test
    void aTaskReachesAnotherTasksPortOnlyWhileARuleAdmitsItsGroup() throws Exception {
        String serverGroup = group("it-server");
        String clientGroup = group("it-client");
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "sg2-web",
                        TaskDefs.container("web", "httpd", "-f", "-p", "8080", "-h", "/www")
                                .build())
                .build());
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "sg2-client",
                        TaskDefs.container("client", "sleep", "3600").build())
                .build());
        Task web = running(run("sg2-web", serverGroup));
        Task client = running(run("sg2-client", clientGroup));
        String ip = ip(web);
        String container = Names.container(id(client), "client");
        String fromClient = "IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=" + clientGroup + "}]";

        assertThat(probe(container, ip)).as("no ingress rule").isEqualTo(Probe.TIMED_OUT);

        aws.run("ec2", "authorize-security-group-ingress", "--group-id", serverGroup, "--ip-permissions", fromClient);
        assertThat(await(container, ip, p -> p == Probe.CONNECTED)).isEqualTo(Probe.CONNECTED);

        aws.run("ec2", "revoke-security-group-ingress", "--group-id", serverGroup, "--ip-permissions", fromClient);
        assertThat(await(container, ip, p -> p != Probe.CONNECTED)).isEqualTo(Probe.TIMED_OUT);

        assertThat(g.describe(CLUSTER, web.taskArn()).startedAt()).isEqualTo(web.startedAt());
        assertThat(g.describe(CLUSTER, client.taskArn()).startedAt()).isEqualTo(client.startedAt());
        for (Task t : List.of(web, client)) {
            g.ecs.stopTask(b -> b.cluster(CLUSTER).task(t.taskArn()));
        }
    }

    private static String group(String name) throws Exception {
        return aws.run(
                "ec2",
                "create-security-group",
                "--group-name",
                name + "-" + System.nanoTime(),
                "--description",
                "SecurityGroupApiIT",
                "--vpc-id",
                DefaultVpc.VPC_ID,
                "--query",
                "GroupId",
                "--output",
                "text");
    }

    enum Probe {
        CONNECTED,
        TIMED_OUT,
        OTHER
    }

    /** An HTTP GET with busybox nc inside the client task's container, giving up after 2 s unanswered. */
    static Probe probe(String container, String ip) throws Exception {
        Process p = new ProcessBuilder(
                        "docker",
                        "exec",
                        container,
                        "sh",
                        "-c",
                        "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 " + ip + " 8080")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        if (p.exitValue() == 0 && out.contains("hello from a gantry task")) {
            return Probe.CONNECTED;
        }
        return out.contains("timed out") ? Probe.TIMED_OUT : Probe.OTHER;
    }

    /** Probes until {@code done}; the limit only guards against a hang, it is not a timing assertion. */
    static Probe await(String container, String ip, Predicate<Probe> done) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        Probe p = probe(container, ip);
        while (!done.test(p) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            p = probe(container, ip);
        }
        return p;
    }

    private static String run(String family, String... securityGroups) {
        List<Task> tasks = g.ecs.runTask(RunTaskRequest.builder()
                        .cluster(CLUSTER)
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets(DefaultVpc.SUBNET_ID)
                                        .securityGroups(securityGroups.length == 0 ? null : List.of(securityGroups))
                                        .build())
                                .build())
                        .build())
                .tasks();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).taskArn();
    }

    private static Task running(String arn) {
        return g.awaitStatus(CLUSTER, arn, "RUNNING");
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
}
