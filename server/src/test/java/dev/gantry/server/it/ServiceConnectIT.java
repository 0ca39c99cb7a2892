package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.control.serviceconnect.ServiceMetrics;
import dev.gantry.core.ec2.DefaultVpc;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.ApplicationProtocol;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectClientAlias;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceConnectService;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;

/**
 * The "Done when" for Service Connect, with the AWS SDK and real containers: a backend service (2 busybox
 * httpd tasks answering their version) offers {@code backend:8080} in a namespace; a client service in the same
 * namespace fetches {@code http://backend:8080/} in a loop and logs each answer to awslogs; the backend rolls from
 * v1 to v2 through UpdateService while the client keeps fetching: both versions are seen and not one fetch fails.
 * Also: DescribeServices shows the configuration and resources as ECS does, and invalid configurations are refused
 * with InvalidParameterException.
 */
class ServiceConnectIT {
    private static final String CLUSTER = "sc";
    private static final String NAMESPACE = "it-sc.local";
    private static final String GROUP = "/it/service-connect";
    private static final Duration LIMIT = Duration.ofMinutes(4);

    private static TestGantry g;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        for (String version : List.of("v1", "v2")) {
            g.server
                    .driver()
                    .buildBusyboxImage(
                            "gantry-it/sc-backend:" + version,
                            g.server.config().busybox(),
                            Map.of("/www/index.html", (version + "\n").getBytes()),
                            List.of(),
                            true);
        }
        g.ecs.createCluster(CreateClusterRequest.builder().clusterName(CLUSTER).build());
        // the namespace, as ECS needs it, from Cloud Map (an HTTP namespace: Service Connect needs no DNS)
        try (ServiceDiscoveryClient sd = ServiceDiscoveryClient.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestGantry.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String op = sd.createHttpNamespace(b -> b.name(NAMESPACE)).operationId();
            TestGantry.await(
                    () -> sd.getOperation(b -> b.operationId(op)).operation().statusAsString(),
                    "SUCCESS"::equals,
                    LIMIT,
                    "the namespace's creation");
        }
    }

    @Test
    void aClientKeepsReachingTheBackendByAliasWhileItRollsToANewVersion() {
        String v1 = backend("v1");
        String v2 = backend("v2");
        g.ecs.createService(service("backend", v1, 2)
                .serviceConnectConfiguration(ServiceConnectConfiguration.builder()
                        .enabled(true)
                        .namespace(NAMESPACE)
                        .services(ServiceConnectService.builder()
                                .portName("http")
                                .discoveryName("backend")
                                .clientAliases(ServiceConnectClientAlias.builder()
                                        .port(8080)
                                        .build())
                                .build())
                        .build())
                .build());
        Service backend = awaitService("backend", s -> s.runningCount() == 2, "2 backend tasks");
        Deployment d = backend.deployments().get(0);
        assertThat(d.serviceConnectConfiguration().enabled()).isTrue();
        assertThat(d.serviceConnectConfiguration().namespace()).startsWith("arn:aws:servicediscovery:");
        assertThat(d.serviceConnectConfiguration()
                        .services()
                        .get(0)
                        .clientAliases()
                        .get(0)
                        .port())
                .isEqualTo(8080);
        assertThat(d.serviceConnectResources()).hasSize(1);
        assertThat(d.serviceConnectResources().get(0).discoveryName()).isEqualTo("backend");
        assertThat(d.serviceConnectResources().get(0).discoveryArn()).contains(":service/srv-");

        String client = g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                "sc-client",
                                TaskDefs.container(
                                                "client",
                                                "sh",
                                                "-c",
                                                // no -T: this busybox's wget crashes with a timeout option
                                                "while true; do if out=$(wget -qO- http://backend:8080/index.html);"
                                                        + " then echo \"ok $out\"; else echo FAIL; fi; sleep 0.2; done")
                                        .logConfiguration(TaskDefs.awslogs(GROUP, "sc"))
                                        .stopTimeout(2)
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
        g.ecs.createService(service("client", client, 1)
                .serviceConnectConfiguration(ServiceConnectConfiguration.builder()
                        .enabled(true)
                        .namespace(NAMESPACE)
                        .build())
                .build());
        awaitService("client", s -> s.runningCount() == 1, "the client task");
        String clientTask = g.ecs.listTasks(ListTasksRequest.builder()
                        .cluster(CLUSTER)
                        .serviceName("client")
                        .build())
                .taskArns()
                .get(0);
        String stream = "sc/client/" + clientTask.substring(clientTask.lastIndexOf('/') + 1);
        awaitLines(stream, l -> l.contains("ok v1"), "the client's first answer from v1");
        // the rollout starts from a steady backend (its v1 tasks healthy), as a rollout in production does
        awaitService(
                "backend",
                s -> s.events().stream().anyMatch(e -> e.message().contains("has reached a steady state")),
                "a steady backend");

        g.ecs.updateService(UpdateServiceRequest.builder()
                .cluster(CLUSTER)
                .service("backend")
                .taskDefinition(v2)
                .build());
        awaitService(
                "backend",
                s -> s.deployments().size() == 1
                        && s.deployments().get(0).taskDefinition().equals(v2)
                        && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
                        && s.runningCount() == 2,
                "the backend's rollout to v2");
        int settled = lines(stream).size();
        List<String> all = awaitLines(stream, l -> l.contains("ok v2"), "answers from v2", settled + 10);

        assertThat(all).as("the client's fetches").noneMatch(l -> l.contains("FAIL"));
        assertThat(all).anyMatch(l -> l.contains("ok v1")).anyMatch(l -> l.contains("ok v2"));
        ServiceMetrics metrics = g.server.serviceConnect().metrics().stream()
                .filter(m -> m.endpoint().equals("backend"))
                .findFirst()
                .orElseThrow();
        assertThat(metrics.metrics().requests()).isGreaterThanOrEqualTo(all.size());
        // the client keeps fetching while the counters are read: a request may be in flight
        assertThat(metrics.metrics().target2xx()).isGreaterThanOrEqualTo(all.size());
        assertThat(metrics.metrics().target4xx()).isZero();
        assertThat(metrics.metrics().target5xx()).isZero();
    }

    @Test
    void invalidConfigurationsAreRefusedWithEcsErrors() {
        String td = backend("v1");
        assertThatThrownBy(() -> g.ecs.createService(service("bad-port", td, 1)
                        .serviceConnectConfiguration(ServiceConnectConfiguration.builder()
                                .enabled(true)
                                .namespace(NAMESPACE)
                                .services(ServiceConnectService.builder()
                                        .portName("nope")
                                        .build())
                                .build())
                        .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("portName 'nope'");
        assertThatThrownBy(() -> g.ecs.createService(service("no-namespace", td, 1)
                        .serviceConnectConfiguration(ServiceConnectConfiguration.builder()
                                .enabled(true)
                                .build())
                        .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("namespace");
        assertThatThrownBy(() -> g.ecs.createService(service("two-aliases", td, 1)
                        .serviceConnectConfiguration(ServiceConnectConfiguration.builder()
                                .enabled(true)
                                .namespace(NAMESPACE)
                                .services(ServiceConnectService.builder()
                                        .portName("http")
                                        .clientAliases(
                                                ServiceConnectClientAlias.builder()
                                                        .port(80)
                                                        .build(),
                                                ServiceConnectClientAlias.builder()
                                                        .port(81)
                                                        .build())
                                        .build())
                                .build())
                        .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> g.ecs.createService(service("unknown-namespace", td, 1)
                        .serviceConnectConfiguration(ServiceConnectConfiguration.builder()
                                .enabled(true)
                                .namespace("nowhere.local")
                                .build())
                        .build()))
                .isInstanceOf(NamespaceNotFoundException.class)
                .hasMessageContaining("nowhere.local");
    }

    private static String backend(String version) {
        return g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                "sc-backend",
                                TaskDefs.container("web", "sh", "-c", "exec httpd -f -p 8080 -h /www")
                                        .image("gantry-it/sc-backend:" + version)
                                        .portMappings(PortMapping.builder()
                                                .containerPort(8080)
                                                .name("http")
                                                .appProtocol(ApplicationProtocol.HTTP)
                                                .build())
                                        .stopTimeout(2)
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static CreateServiceRequest.Builder service(String name, String td, int count) {
        return CreateServiceRequest.builder()
                .cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(td)
                .desiredCount(count)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(DefaultVpc.SUBNET_ID)
                                .build())
                        .build());
    }

    private static Service awaitService(String name, java.util.function.Predicate<Service> done, String what) {
        return TestGantry.await(
                () -> g.ecs.describeServices(DescribeServicesRequest.builder()
                                .cluster(CLUSTER)
                                .services(name)
                                .build())
                        .services()
                        .get(0),
                done,
                LIMIT,
                what);
    }

    private static List<String> lines(String stream) {
        try {
            return g
                    .logs
                    .getLogEvents(GetLogEventsRequest.builder()
                            .logGroupName(GROUP)
                            .logStreamName(stream)
                            .startFromHead(true)
                            .limit(10_000)
                            .build())
                    .events()
                    .stream()
                    .map(OutputLogEvent::message)
                    .toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }

    private static List<String> awaitLines(String stream, java.util.function.Predicate<String> wanted, String what) {
        return awaitLines(stream, wanted, what, 0);
    }

    private static List<String> awaitLines(
            String stream, java.util.function.Predicate<String> wanted, String what, int atLeast) {
        return TestGantry.await(
                () -> lines(stream), l -> l.size() >= atLeast && l.stream().anyMatch(wanted), LIMIT, what);
    }
}
