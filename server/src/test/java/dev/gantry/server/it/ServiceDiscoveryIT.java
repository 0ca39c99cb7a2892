package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * "Done when" #3 of issue 8, through real clients: a private DNS namespace {@code local} and a Cloud Map service
 * {@code backend} (AWS CLI v2), an ECS service {@code backend} with {@code serviceRegistries} and three tasks (SDK):
 * Cloud Map holds exactly the RUNNING tasks' IPs with ECS's attributes (ListInstances through the CLI,
 * DiscoverInstances through boto3); a task whose container is killed by hand leaves the answers and its replacement
 * joins them. Invalid registries get ECS's InvalidParameterException.
 */
class ServiceDiscoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLUSTER = "discovery";
    private static final String SERVE = "httpd -f -p 8080 -h /www";

    private static TestGantry g;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed at /usr/bin/aws");
        g = TestGantry.shared();
        aws = new AwsCli(g.server.endpoint());
    }

    @Test
    void aServicesHealthyTasksAreItsCloudMapInstancesAndAKilledTaskLeavesThem() throws Exception {
        String namespaceId = namespace("local");
        JsonNode service = cloudMapService(namespaceId, "backend");
        String registryArn = service.path("Arn").asText();
        String serviceId = service.path("Id").asText();
        g.ecs.createCluster(b -> b.clusterName(CLUSTER));
        String td = g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                "discovery-backend",
                                TaskDefs.container("web", "sh", "-c", SERVE)
                                        .stopTimeout(2)
                                        .portMappings(PortMapping.builder()
                                                .containerPort(8080)
                                                .build())
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();

        // ECS's checks: the registry must exist; an A-only registry takes no port
        String missing = registryArn.substring(0, registryArn.lastIndexOf('/') + 1) + "srv-doesnotexist000";
        assertThatThrownBy(() -> create(
                        td, ServiceRegistry.builder().registryArn(missing).build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> create(
                        td,
                        ServiceRegistry.builder()
                                .registryArn(registryArn)
                                .containerName("web")
                                .containerPort(8080)
                                .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("do not require a value for 'containerPort'");

        create(td, ServiceRegistry.builder().registryArn(registryArn).build());
        assertThat(g.ecs.describeServices(b -> b.cluster(CLUSTER).services("backend"))
                        .services()
                        .get(0)
                        .serviceRegistries())
                .singleElement()
                .satisfies(r -> assertThat(r.registryArn()).isEqualTo(registryArn));

        Map<String, String> first = TestGantry.await(
                () -> registered(serviceId),
                r -> r.size() == 3 && r.equals(runningIps()),
                Duration.ofSeconds(120),
                "the three RUNNING tasks registered in Cloud Map");
        JsonNode one = JSON.readTree(aws.run(
                        "servicediscovery",
                        "get-instance",
                        "--service-id",
                        serviceId,
                        "--instance-id",
                        first.keySet().iterator().next()))
                .path("Instance")
                .path("Attributes");
        assertThat(one.path("AWS_INSTANCE_IPV4").asText())
                .isEqualTo(first.values().iterator().next());
        assertThat(one.path("ECS_CLUSTER_NAME").asText()).isEqualTo(CLUSTER);
        assertThat(one.path("ECS_SERVICE_NAME").asText()).isEqualTo("backend");
        assertThat(one.path("ECS_TASK_DEFINITION_FAMILY").asText()).isEqualTo("discovery-backend");
        assertThat(one.path("AVAILABILITY_ZONE").asText()).isEqualTo("us-east-1a");
        assertThat(one.path("REGION").asText()).isEqualTo("us-east-1");
        assertThat(one.has("AWS_INSTANCE_PORT")).isFalse();
        assertThat(discovered("local", "backend")).isEqualTo(new TreeSet<>(first.values()));

        // a container killed by hand: its task leaves the answers, its replacement joins them
        String victim = first.keySet().iterator().next();
        String victimIp = first.get(victim);
        try (DockerClient docker = Engine.client()) {
            docker.killContainerCmd("gantry-" + victim + "-web").exec();
        }
        Map<String, String> healed = TestGantry.await(
                () -> registered(serviceId),
                r -> r.size() == 3 && !r.containsKey(victim) && r.equals(runningIps()),
                Duration.ofSeconds(120),
                "the killed task deregistered and its replacement registered");
        assertThat(healed.values()).doesNotContain(victimIp);
        assertThat(discovered("local", "backend")).isEqualTo(new TreeSet<>(healed.values()));

        g.ecs.deleteService(b -> b.cluster(CLUSTER).service("backend").force(true));
        TestGantry.await(
                () -> registered(serviceId),
                Map::isEmpty,
                Duration.ofSeconds(120),
                "every instance deregistered once the service is deleted");
    }

    private static void create(String td, ServiceRegistry registry) {
        g.ecs.createService(b -> b.cluster(CLUSTER)
                .serviceName("backend")
                .taskDefinition(td)
                .desiredCount(3)
                .launchType("FARGATE")
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets("subnet-gantry")
                                .assignPublicIp(AssignPublicIp.DISABLED)
                                .build())
                        .build())
                .serviceRegistries(registry));
    }

    /** The service's RUNNING tasks (desired RUNNING): task id → IP. */
    private static Map<String, String> runningIps() {
        List<String> arns = g.ecs.listTasks(
                        b -> b.cluster(CLUSTER).serviceName("backend").desiredStatus(DesiredStatus.RUNNING))
                .taskArns();
        Map<String, String> out = new TreeMap<>();
        if (arns.isEmpty()) {
            return out;
        }
        for (Task t : g.ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arns)).tasks()) {
            if (t.lastStatus().equals("RUNNING") && t.desiredStatus().equals("RUNNING")) {
                String id = t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
                out.put(id, t.containers().get(0).networkInterfaces().get(0).privateIpv4Address());
            }
        }
        return out;
    }

    /** ListInstances through the CLI: instance id → AWS_INSTANCE_IPV4. */
    private static Map<String, String> registered(String serviceId) {
        try {
            JsonNode out = JSON.readTree(aws.run("servicediscovery", "list-instances", "--service-id", serviceId));
            Map<String, String> ips = new TreeMap<>();
            for (JsonNode i : out.path("Instances")) {
                ips.put(
                        i.path("Id").asText(),
                        i.path("Attributes").path("AWS_INSTANCE_IPV4").asText());
            }
            return ips;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** DiscoverInstances (HEALTHY) through boto3, without the {@code data-} host prefix a local endpoint lacks. */
    private static TreeSet<String> discovered(String namespace, String service) throws Exception {
        String script = "import boto3,json,sys\n"
                + "from botocore.config import Config\n"
                + "c=boto3.client('servicediscovery',endpoint_url=sys.argv[1],region_name='us-east-1',"
                + "aws_access_key_id=sys.argv[2],aws_secret_access_key=sys.argv[3],"
                + "config=Config(inject_host_prefix=False))\n"
                + "r=c.discover_instances(NamespaceName=sys.argv[4],ServiceName=sys.argv[5],HealthStatus='HEALTHY')\n"
                + "print(json.dumps([i['Attributes']['AWS_INSTANCE_IPV4'] for i in r['Instances']]))\n";
        Process p = new ProcessBuilder(
                        "python3",
                        "-c",
                        script,
                        g.server.endpoint(),
                        TestGantry.ACCESS_KEY,
                        TestGantry.SECRET_KEY,
                        namespace,
                        service)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("boto3 discover_instances: %s", out).isZero();
        TreeSet<String> ips = new TreeSet<>();
        JSON.readTree(out).forEach(n -> ips.add(n.asText()));
        return ips;
    }

    /** The private DNS namespace {@code name} (created, or found if another test made it), once it exists. */
    private static String namespace(String name) throws Exception {
        Optional<String> found = findNamespace(name);
        if (found.isPresent()) {
            return found.get();
        }
        String op = JSON.readTree(aws.run(
                        "servicediscovery", "create-private-dns-namespace", "--name", name, "--vpc", "vpc-gantry"))
                .path("OperationId")
                .asText();
        JsonNode done = TestGantry.await(
                () -> operation(op),
                o -> o.path("Status").asText().equals("SUCCESS"),
                Duration.ofSeconds(60),
                "the namespace's operation to succeed");
        return done.path("Targets").path("NAMESPACE").asText();
    }

    private static Optional<String> findNamespace(String name) throws Exception {
        for (JsonNode n :
                JSON.readTree(aws.run("servicediscovery", "list-namespaces")).path("Namespaces")) {
            if (n.path("Name").asText().equals(name)) {
                return Optional.of(n.path("Id").asText());
            }
        }
        return Optional.empty();
    }

    private static JsonNode operation(String id) {
        try {
            return JSON.readTree(aws.run("servicediscovery", "get-operation", "--operation-id", id))
                    .path("Operation");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Cloud Map service {@code name} with an A record (created, or found). */
    private static JsonNode cloudMapService(String namespaceId, String name) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "servicediscovery",
                "list-services",
                "--filters",
                "Name=NAMESPACE_ID,Values=" + namespaceId + ",Condition=EQ"));
        for (JsonNode s : JSON.readTree(aws.run(args.toArray(String[]::new))).path("Services")) {
            if (s.path("Name").asText().equals(name)) {
                return s;
            }
        }
        return JSON.readTree(aws.run(
                        "servicediscovery",
                        "create-service",
                        "--name",
                        name,
                        "--namespace-id",
                        namespaceId,
                        "--dns-config",
                        "RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=10}]",
                        "--health-check-custom-config",
                        "FailureThreshold=1"))
                .path("Service");
    }
}
