package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Tasks live in the subnet they were given, on a real engine: a public and a private subnet of a VPC (each its own
 * engine network with exactly its range), a task run in each gets an address in its subnet's range and an ENI
 * attachment naming the subnet, both reach the task endpoint (169.254.170.2) and Gantry's API at their
 * AWS_ENDPOINT_URL, and the private subnet's task reaches nothing off its subnet (not the host's address on another
 * task network, where the public task does reach the API; not a task of the other subnet). Unknown subnets are
 * refused by RunTask and CreateService in ECS's words.
 */
class SubnetPlacementIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "gantry-it/placement:1";
    private static Path dir;
    private static GantryServer server;
    private static EcsClient ecs;
    private static AwsCli aws;
    private static Made publicSubnet;
    private static Made privateSubnet;

    @BeforeAll
    static void start() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        dir = Files.createTempDirectory("gantry-placement-it-");
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_NETWORK", "gantry-placement-it");
        server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        server.driver()
                .buildBusyboxImage(
                        IMAGE,
                        server.config().busybox(),
                        Map.of("/www/index.html", "hello from the public subnet\n".getBytes()),
                        List.of(),
                        true);
        assertThat(server.taskEndpointProblem())
                .as("the endpoint is set up (run as root)")
                .isEmpty();
        ecs = TestGantry.ecsClient(server.endpoint());

        // as infrastructure code does: a VPC and two subnets through EC2's API, one private (Gantry's tag)
        aws = new AwsCli(server.endpoint());
        int b = 200 + ThreadLocalRandom.current().nextInt(50);
        int c = 2 * ThreadLocalRandom.current().nextInt(120);
        String vpcId = aws.run(
                "ec2", "create-vpc", "--cidr-block", "10." + b + ".0.0/16", "--query", "Vpc.VpcId", "--output", "text");
        publicSubnet = subnet(vpcId, "10." + b + "." + c + ".0/24", List.of());
        privateSubnet = subnet(
                vpcId,
                "10." + b + "." + (c + 1) + ".0/24",
                List.of("--tag-specifications", "ResourceType=subnet,Tags=[{Key=gantry:private,Value=true}]"));
    }

    /** A subnet made with CreateSubnet. */
    record Made(String subnetId, String cidrBlock) {}

    private static Made subnet(String vpcId, String cidr, List<String> more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(
                "ec2",
                "create-subnet",
                "--vpc-id",
                vpcId,
                "--cidr-block",
                cidr,
                "--query",
                "Subnet.SubnetId",
                "--output",
                "text"));
        args.addAll(more);
        return new Made(aws.run(args.toArray(String[]::new)), cidr);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            Engine.removeInstallationOf(dir); // the tasks' containers, then the subnets' networks
        }
    }

    private static Task run(String family, Made subnet, Map<String, String> env) {
        String script = "wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task > /www/task.json 2>&1;"
                + " wget -qO- $AWS_ENDPOINT_URL/ > /www/api.out 2>&1;"
                + " timeout 5 wget -qO- http://$PROBE_HOST/ > /www/probe-host.out 2>&1;"
                + " if [ -n \"$PROBE_TASK\" ]; then timeout 5 wget -qO- http://$PROBE_TASK/ > /www/probe-task.out 2>&1; fi;"
                + " echo done > /www/done; httpd -f -p 8080 -h /www";
        ecs.registerTaskDefinition(TaskDefs.fargate(
                        family,
                        TaskDefs.container("app", "sh", "-c", script)
                                .image(IMAGE)
                                .build())
                .build());
        String arn = ecs.runTask(r -> r.taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(network(subnet.subnetId()))
                        .overrides(o -> o.containerOverrides(ContainerOverride.builder()
                                .name("app")
                                .environment(env.entrySet().stream()
                                        .map(e -> KeyValuePair.builder()
                                                .name(e.getKey())
                                                .value(e.getValue())
                                                .build())
                                        .toList())
                                .build())))
                .tasks()
                .get(0)
                .taskArn();
        return TestGantry.await(
                () -> ecs.describeTasks(d -> d.tasks(arn)).tasks().get(0),
                t -> t.lastStatus().equals("RUNNING") || t.lastStatus().equals("STOPPED"),
                Duration.ofSeconds(120),
                "task " + arn);
    }

    private static NetworkConfiguration network(String subnetId) {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets(subnetId).build())
                .build();
    }

    private static String ip(Task t) {
        return t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
    }

    private static String served(Task t, String file) {
        TestGantry.getWhenListening("http://" + ip(t) + ":8080/done"); // the probes are written before httpd starts
        return TestGantry.getWhenListening("http://" + ip(t) + ":8080/" + file).body();
    }

    private static String attached(Task t, String detail) {
        return t.attachments().get(0).details().stream()
                .filter(d -> d.name().equals(detail))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static Map<String, String> engineEnv(Task t) {
        return Arrays.stream(Engine.inspect(t.containers().get(0).runtimeId())
                        .getConfig()
                        .getEnv())
                .map(e -> e.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
    }

    private static boolean inRange(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        long v = 0;
        for (String p : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }

    @Test
    void eachTaskLivesInItsSubnetReachesTheEndpointAndAPrivateOneNothingElse() throws Exception {
        // the host's address on the default task network, where Gantry's API also listens for that network's tasks
        String hostApi = server.taskEndpoints().apiEndpoint().orElseThrow().substring("http://".length());

        Task pub = run("placement-public", publicSubnet, Map.of("PROBE_HOST", hostApi));
        assertThat(pub.lastStatus()).isEqualTo("RUNNING");
        Task priv =
                run("placement-private", privateSubnet, Map.of("PROBE_HOST", hostApi, "PROBE_TASK", ip(pub) + ":8080"));
        assertThat(priv.lastStatus()).isEqualTo("RUNNING");

        for (var pair : List.of(Map.entry(pub, publicSubnet), Map.entry(priv, privateSubnet))) {
            Task t = pair.getKey();
            Made s = pair.getValue();
            assertThat(inRange(ip(t), s.cidrBlock()))
                    .as("%s in %s", ip(t), s.cidrBlock())
                    .isTrue();
            assertThat(attached(t, "subnetId")).isEqualTo(s.subnetId());
            assertThat(attached(t, "privateIPv4Address")).isEqualTo(ip(t));

            JsonNode task = JSON.readTree(served(t, "task.json"));
            assertThat(task.path("TaskARN").asText())
                    .as("metadata via 169.254.170.2")
                    .isEqualTo(t.taskArn());
            JsonNode net = task.path("Containers").path(0).path("Networks").path(0);
            assertThat(net.path("IPv4SubnetCIDRBlock").asText()).isEqualTo(s.cidrBlock());

            String gateway = s.cidrBlock().replace(".0/24", ".1");
            assertThat(engineEnv(t).get("AWS_ENDPOINT_URL")).startsWith("http://" + gateway + ":");
            assertThat(served(t, "api.out"))
                    .as("Gantry's API answers at AWS_ENDPOINT_URL (unsigned: an HTTP error)")
                    .containsPattern("HTTP/1.1 4\\d\\d");
        }

        assertThat(served(pub, "probe-host.out"))
                .as("a public subnet's task reaches the host's address on another network")
                .containsPattern("HTTP/1.1 4\\d\\d");
        assertThat(served(priv, "probe-host.out"))
                .as("a private subnet's task does not")
                .doesNotContain("HTTP/1.1")
                .isNotBlank();
        assertThat(served(priv, "probe-task.out"))
                .as("nor a task of another subnet")
                .doesNotContain("hello from the public subnet")
                .isNotBlank();
        assertThat(TestGantry.getWhenListening("http://" + ip(pub) + ":8080/").body())
                .as("which is up")
                .contains("hello from the public subnet");

        // EC2's view of the tasks' interfaces, and a subnet in use cannot be deleted
        assertThat(aws.run(
                        "ec2",
                        "describe-network-interfaces",
                        "--filters",
                        "Name=subnet-id,Values=" + privateSubnet.subnetId(),
                        "--query",
                        "NetworkInterfaces[].PrivateIpAddress",
                        "--output",
                        "text"))
                .isEqualTo(ip(priv));
        Process delete = aws.process("ec2", "delete-subnet", "--subnet-id", publicSubnet.subnetId())
                .start();
        String refused = new String(delete.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(delete.waitFor()).isNotZero();
        assertThat(refused).contains("DependencyViolation");
    }

    @Test
    void unknownSubnetsAreRefusedByRunTaskAndCreateService() {
        ecs.registerTaskDefinition(TaskDefs.fargate(
                        "placement-refused",
                        TaskDefs.container("app", "true").image(IMAGE).build())
                .build());
        assertThatThrownBy(() -> ecs.runTask(
                        r -> r.taskDefinition("placement-refused").networkConfiguration(network("subnet-1"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Error retrieving subnet information for [subnet-1]: The subnet ID 'subnet-1'"
                        + " does not exist (Service: AmazonEC2; Status Code: 400; Error Code: "
                        + "InvalidSubnetID.NotFound)");
        assertThatThrownBy(() -> ecs.createService(r -> r.serviceName("placement-refused")
                        .taskDefinition("placement-refused")
                        .desiredCount(1)
                        .networkConfiguration(network("subnet-nope"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("InvalidSubnetID.NotFound");
        assertThatThrownBy(() -> ecs.runTask(r -> r.taskDefinition("placement-refused")
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets(publicSubnet.subnetId())
                                        .securityGroups("sg-gantry")
                                        .build())
                                .build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not appear to belong to the same VPC");
    }
}
