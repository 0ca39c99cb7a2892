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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * "Done when" #3 of issue 8, through real clients: a private DNS namespace {@code local} and a Cloud Map service
 * {@code backend} (AWS CLI v2), an ECS service {@code backend} with {@code serviceRegistries} and three tasks (SDK):
 * Cloud Map holds exactly the RUNNING tasks' IPs with ECS's attributes (ListInstances through the CLI,
 * DiscoverInstances through boto3) and {@code backend.local} resolves to exactly those IPs from inside a client task
 * ({@code nslookup} there, through Gantry's DNS server at 169.254.169.253); a task whose container is killed by hand
 * leaves the answers, Cloud Map's and DNS's, and its replacement joins them. A task whose container health check has
 * not passed is RUNNING but neither registered nor answered; once it passes it is answered, once it fails it leaves
 * the answers. Invalid registries get ECS's InvalidParameterException.
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

        // and over DNS, from inside a task: backend.local answers exactly the RUNNING tasks' addresses
        String client = clientTask();
        TestGantry.await(
                () -> resolved(client, "backend.local"),
                a -> a.equals(new TreeSet<>(runningIps().values())) && a.size() == 3,
                Duration.ofSeconds(60),
                "backend.local to answer the three RUNNING tasks' IPs");

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
        TreeSet<String> answered = TestGantry.await(
                () -> resolved(client, "backend.local"),
                a -> a.size() == 3 && a.equals(new TreeSet<>(runningIps().values())),
                Duration.ofSeconds(60),
                "backend.local to answer the replacement, not the killed task");
        assertThat(answered).doesNotContain(victimIp).isEqualTo(new TreeSet<>(healed.values()));
        g.ecs.stopTask(b -> b.cluster(CLUSTER).task(client));

        g.ecs.deleteService(b -> b.cluster(CLUSTER).service("backend").force(true));
        TestGantry.await(
                () -> registered(serviceId),
                Map::isEmpty,
                Duration.ofSeconds(120),
                "every instance deregistered once the service is deleted");
    }

    @Test
    void aTaskWhoseHealthCheckDoesNotPassIsNeverAnswered() throws Exception {
        String namespaceId = namespace("local");
        JsonNode service = cloudMapService(namespaceId, "checked");
        String serviceId = service.path("Id").asText();
        g.ecs.createCluster(b -> b.clusterName(CLUSTER));
        // healthy only while /tmp/ok exists; the long start period keeps a task UNKNOWN (and RUNNING) until then
        String td = g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                "discovery-checked",
                                TaskDefs.container("web", "sh", "-c", SERVE)
                                        .stopTimeout(2)
                                        .healthCheck(HealthCheck.builder()
                                                .command("CMD-SHELL", "test -f /tmp/ok")
                                                .interval(5)
                                                .timeout(2)
                                                .retries(1)
                                                .startPeriod(300)
                                                .build())
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
        create(
                "checked",
                td,
                2,
                ServiceRegistry.builder()
                        .registryArn(service.path("Arn").asText())
                        .build());
        Map<String, String> running = TestGantry.await(
                () -> runningIps("checked"),
                r -> r.size() == 2,
                Duration.ofSeconds(120),
                "the two tasks RUNNING (health UNKNOWN)");
        String client = clientTask();
        // RUNNING but not yet healthy: neither is registered nor answered
        assertThat(registered(serviceId)).isEmpty();
        assertThat(resolved(client, "checked.local")).isEmpty();

        Iterator<Map.Entry<String, String>> it = running.entrySet().iterator();
        Map.Entry<String, String> well = it.next();
        Map.Entry<String, String> other = it.next();
        exec("gantry-" + well.getKey() + "-web", "touch", "/tmp/ok");
        TestGantry.await(
                () -> resolved(client, "checked.local"),
                a -> a.equals(new TreeSet<>(Set.of(well.getValue()))),
                Duration.ofSeconds(60),
                "checked.local to answer the one HEALTHY task only");
        assertThat(runningIps("checked")).containsKey(other.getKey()); // still RUNNING, still not answered

        // its check starts failing: UNHEALTHY, it leaves the answers (and ECS replaces it)
        exec("gantry-" + well.getKey() + "-web", "rm", "/tmp/ok");
        TestGantry.await(
                () -> resolved(client, "checked.local"),
                a -> !a.contains(well.getValue()),
                Duration.ofSeconds(90),
                "the UNHEALTHY task to leave checked.local's answers");

        g.ecs.stopTask(b -> b.cluster(CLUSTER).task(client));
        g.ecs.deleteService(b -> b.cluster(CLUSTER).service("checked").force(true));
        TestGantry.await(
                () -> registered(serviceId),
                Map::isEmpty,
                Duration.ofSeconds(120),
                "every instance of checked deregistered once the service is deleted");
    }

    /** A busybox task in the default subnet that only sleeps: the test looks names up inside it; its task id. */
    private static String clientTask() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "discovery-client",
                        TaskDefs.container("client", "sleep", "3600")
                                .stopTimeout(2)
                                .build())
                .build());
        String arn = g.ecs.runTask(b -> b.cluster(CLUSTER)
                        .taskDefinition("discovery-client")
                        .launchType("FARGATE")
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets("subnet-gantry")
                                        .build())
                                .build()))
                .tasks()
                .get(0)
                .taskArn();
        Task t = TestGantry.await(
                () -> g.ecs.describeTasks(b -> b.cluster(CLUSTER).tasks(arn))
                        .tasks()
                        .get(0),
                x -> x.lastStatus().equals("RUNNING") || x.lastStatus().equals("STOPPED"),
                Duration.ofSeconds(120),
                "the client task");
        assertThat(t.lastStatus()).as(t.stoppedReason()).isEqualTo("RUNNING");
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /**
     * {@code nslookup -type=a name} inside the client task (its resolver is Gantry's, 169.254.169.253): the
     * addresses answered, empty for NXDOMAIN or no records.
     */
    private static TreeSet<String> resolved(String clientTaskId, String name) {
        String out = exec("gantry-" + clientTaskId + "-client", "nslookup", "-type=a", name);
        TreeSet<String> ips = new TreeSet<>();
        boolean answers = false;
        for (String line : out.split("\n")) {
            String l = line.trim();
            if (l.startsWith("Name:")) {
                answers = true;
            } else if (answers && l.startsWith("Address:")) {
                ips.add(l.substring("Address:".length()).trim());
            }
        }
        assertThat(out).as("nslookup asked Gantry's resolver").contains("169.254.169.253");
        return ips;
    }

    /** {@code docker exec} in a container of this test's; its output (stdout and stderr). */
    private static String exec(String container, String... command) {
        try {
            List<String> cmd = new ArrayList<>(List.of("docker", "exec", container));
            cmd.addAll(List.of(command));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(String td, ServiceRegistry registry) {
        create("backend", td, 3, registry);
    }

    private static void create(String name, String td, int count, ServiceRegistry registry) {
        g.ecs.createService(b -> b.cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(td)
                .desiredCount(count)
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
        return runningIps("backend");
    }

    /** The ECS service {@code service}'s RUNNING tasks (desired RUNNING): task id → IP. */
    private static Map<String, String> runningIps(String service) {
        List<String> arns = g.ecs.listTasks(
                        b -> b.cluster(CLUSTER).serviceName(service).desiredStatus(DesiredStatus.RUNNING))
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
