package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * "Done when" #1, the flow infrastructure code runs before its first service, through the AWS CLI v2 alone: a VPC,
 * two subnets in two zones, two security groups (the service's admits the host, as a load balancer's group would be
 * admitted; the other nothing), then an ECS service in them. The service becomes stable (the CLI's own waiter), its
 * tasks are spread over both subnets with addresses in their ranges, EC2 lists their interfaces in the service's
 * group, the host reaches them, and everything is deleted again in the order Terraform destroys it.
 */
class VpcServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "gantry-it/vpc-service:1";
    private static Path dir;
    private static GantryServer server;
    private static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AwsCli.installed(), "AWS CLI v2 not at /usr/bin/aws");
        dir = Files.createTempDirectory("gantry-vpc-service-it-");
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_NETWORK", "gantry-vpc-service-it");
        server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        server.driver()
                .buildBusyboxImage(
                        IMAGE,
                        server.config().busybox(),
                        Map.of("/www/index.html", "web in a VPC\n".getBytes()),
                        List.of(),
                        true);
        aws = new AwsCli(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            Engine.removeInstallationOf(dir);
        }
    }

    @Test
    void aServiceRunsInTheVpcSubnetsAndGroupsMadeThroughEc2() throws Exception {
        int b = 150 + ThreadLocalRandom.current().nextInt(40);
        String vpc = aws.run(
                "ec2", "create-vpc", "--cidr-block", "10." + b + ".0.0/16", "--query", "Vpc.VpcId", "--output", "text");
        String cidrA = "10." + b + ".1.0/24";
        String cidrB = "10." + b + ".2.0/24";
        String subnetA = subnet(vpc, cidrA, "us-east-1a");
        String subnetB = subnet(vpc, cidrB, "us-east-1b");
        String web = group(vpc, "web", "the service's tasks");
        String other = group(vpc, "other", "admits nothing");
        aws.run(
                "ec2",
                "authorize-security-group-ingress",
                "--group-id",
                web,
                "--ip-permissions",
                "IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=sg-gantry-host}]");

        EcsClient ecs = TestGantry.ecsClient(server.endpoint());
        ecs.registerTaskDefinition(TaskDefs.fargate(
                        "vpc-web",
                        TaskDefs.container("web", "httpd", "-f", "-p", "8080", "-h", "/www")
                                .image(IMAGE)
                                .build())
                .build());
        aws.run(
                "ecs",
                "create-service",
                "--service-name",
                "vpc-web",
                "--task-definition",
                "vpc-web",
                "--desired-count",
                "2",
                "--launch-type",
                "FARGATE",
                "--network-configuration",
                "awsvpcConfiguration={subnets=[" + subnetA + "," + subnetB + "],securityGroups=[" + web + "]}");
        aws.run(600, "ecs", "wait", "services-stable", "--services", "vpc-web");

        JsonNode tasks = JSON.readTree(aws.run(
                        "ecs",
                        "describe-tasks",
                        "--tasks",
                        aws.run(
                                "ecs",
                                "list-tasks",
                                "--service-name",
                                "vpc-web",
                                "--query",
                                "taskArns[0]",
                                "--output",
                                "text"),
                        aws.run(
                                "ecs",
                                "list-tasks",
                                "--service-name",
                                "vpc-web",
                                "--query",
                                "taskArns[1]",
                                "--output",
                                "text")))
                .get("tasks");
        assertThat(tasks).hasSize(2);
        Set<String> subnetsUsed = new HashSet<>();
        List<String> ips = new ArrayList<>();
        for (JsonNode t : tasks) {
            String ip = detail(t, "privateIPv4Address");
            String subnet = detail(t, "subnetId");
            subnetsUsed.add(subnet);
            ips.add(ip);
            assertThat(subnet).isIn(subnetA, subnetB);
            assertThat(ip).startsWith(subnet.equals(subnetA) ? "10." + b + ".1." : "10." + b + ".2.");
        }
        assertThat(subnetsUsed)
                .as("the service's tasks are spread over both subnets")
                .hasSize(2);

        JsonNode enis = JSON.readTree(
                        aws.run("ec2", "describe-network-interfaces", "--filters", "Name=vpc-id,Values=" + vpc))
                .get("NetworkInterfaces");
        assertThat(enis).hasSize(2);
        for (JsonNode eni : enis) {
            assertThat(eni.get("PrivateIpAddress").asText()).isIn(ips);
            assertThat(eni.get("Groups").get(0).get("GroupId").asText()).isEqualTo(web);
        }
        for (String ip : ips) {
            assertThat(TestGantry.getWhenListening("http://" + ip + ":8080/").body())
                    .as("the host reaches a task its group admits the host to")
                    .isEqualTo("web in a VPC\n");
        }

        // torn down in the order Terraform destroys it: the service, then the groups, subnets and the VPC
        aws.run("ecs", "delete-service", "--service", "vpc-web", "--force");
        aws.run(600, "ecs", "wait", "services-inactive", "--services", "vpc-web");
        TestGantry.await(
                () -> {
                    try {
                        return JSON.readTree(aws.run(
                                        "ec2", "describe-network-interfaces", "--filters", "Name=vpc-id,Values=" + vpc))
                                .get("NetworkInterfaces")
                                .size();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                n -> n == 0,
                java.time.Duration.ofSeconds(120),
                "the service's interfaces gone");
        aws.run("ec2", "delete-security-group", "--group-id", web);
        aws.run("ec2", "delete-security-group", "--group-id", other);
        aws.run("ec2", "delete-subnet", "--subnet-id", subnetA);
        aws.run("ec2", "delete-subnet", "--subnet-id", subnetB);
        aws.run("ec2", "delete-vpc", "--vpc-id", vpc);
        assertThat(aws.run("ec2", "describe-vpcs", "--query", "Vpcs[].VpcId", "--output", "text"))
                .doesNotContain(vpc);
    }

    private static String subnet(String vpc, String cidr, String zone) throws Exception {
        return aws.run(
                "ec2",
                "create-subnet",
                "--vpc-id",
                vpc,
                "--cidr-block",
                cidr,
                "--availability-zone",
                zone,
                "--query",
                "Subnet.SubnetId",
                "--output",
                "text");
    }

    private static String group(String vpc, String name, String description) throws Exception {
        return aws.run(
                "ec2",
                "create-security-group",
                "--vpc-id",
                vpc,
                "--group-name",
                name,
                "--description",
                description,
                "--query",
                "GroupId",
                "--output",
                "text");
    }

    private static String detail(JsonNode task, String name) {
        for (JsonNode d : task.get("attachments").get(0).get("details")) {
            if (d.get("name").asText().equals(name)) {
                return d.get("value").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + task);
    }
}
