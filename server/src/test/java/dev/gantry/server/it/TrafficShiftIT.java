package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookTargetType;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentLifecycleStage;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * ECS-native BLUE_GREEN and CANARY deployments end to end, with the SDK's ECS and ELBv2 clients against a real server
 * and real containers behind the router: a BLUE_GREEN deployment paused by a PAUSE hook answers "v2" on the test
 * listener rule (header {@code x-test: 1}) while production still answers "v1", then moves production and removes
 * blue; a CANARY deployment of 20% sends about a fifth of a few hundred production requests to "v2" during its bake.
 * The server runs with GANTRY_DEPLOYMENT_MINUTE_SECONDS=2, so the API's minutes pass in seconds.
 */
class TrafficShiftIT {
    private static final String CLUSTER = "default";
    private static final Duration LIMIT = Duration.ofMinutes(4);

    private static Path dir;
    private static GantryServer server;
    private static EcsClient ecs;
    private static ElasticLoadBalancingV2Client elb;
    private static String v1;
    private static String v2;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("gantry-shift-it-");
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_DEPLOYMENT_MINUTE_SECONDS", "2");
        GantryConfig config = GantryConfig.resolve(Optional.of(0), Optional.of(dir), env);
        server = GantryServer.start(config, env);
        for (String version : List.of("v1", "v2")) {
            server.driver()
                    .buildBusyboxImage(
                            "gantry-it/shift:" + version,
                            config.busybox(),
                            Map.of("/www/index.html", (version + "\n").getBytes()),
                            List.of(),
                            true);
        }
        ecs = TestGantry.ecsClient(server.endpoint());
        elb = LbClients.elbv2(server.endpoint());
        v1 = register("gantry-it/shift:v1");
        v2 = register("gantry-it/shift:v2");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            Engine.removeInstallationOf(dir);
        }
    }

    /** An internal ALB: a listener on a free port forwarding to blue (production), a test rule on x-test: 1. */
    record Lb(int port, String blue, String green, String production, String test) {
        URI url() {
            return URI.create("http://127.0.0.1:" + port + "/index.html");
        }
    }

    static Lb loadBalancer(String name) throws IOException {
        int port = ServerProcess.freePort();
        String lb = elb.createLoadBalancer(b -> b.name(name)
                        .type(LoadBalancerTypeEnum.APPLICATION)
                        .scheme(LoadBalancerSchemeEnum.INTERNAL)
                        .subnets("subnet-12345", "subnet-67890"))
                .loadBalancers()
                .get(0)
                .loadBalancerArn();
        String blue = group(name + "-blue");
        String green = group(name + "-green");
        String listener = elb.createListener(b -> b.loadBalancerArn(lb)
                        .protocol(ProtocolEnum.HTTP)
                        .port(port)
                        .defaultActions(forward(blue)))
                .listeners()
                .get(0)
                .listenerArn();
        String test = elb.createRule(b -> b.listenerArn(listener)
                        .priority(1)
                        .conditions(RuleCondition.builder()
                                .field("http-header")
                                .httpHeaderConfig(HttpHeaderConditionConfig.builder()
                                        .httpHeaderName("x-test")
                                        .values("1")
                                        .build())
                                .build())
                        .actions(forward(blue)))
                .rules()
                .get(0)
                .ruleArn();
        String production = elb.describeRules(b -> b.listenerArn(listener)).rules().stream()
                .filter(Rule::isDefault)
                .findFirst()
                .orElseThrow()
                .ruleArn();
        return new Lb(port, blue, green, production, test);
    }

    private static Action forward(String group) {
        return Action.builder()
                .type(ActionTypeEnum.FORWARD)
                .targetGroupArn(group)
                .build();
    }

    private static String group(String name) {
        return LbClients.httpTargetGroup(elb, name, 2);
    }

    private static String register(String image) {
        return ecs.registerTaskDefinition(TaskDefs.fargate(
                                "shift-web",
                                TaskDefs.container("web", "httpd", "-f", "-p", "8080", "-h", "/www")
                                        .image(image)
                                        .portMappings(PortMapping.builder()
                                                .containerPort(8080)
                                                .build())
                                        .stopTimeout(2)
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static void createService(String name, Lb lb, DeploymentConfiguration dc) {
        ecs.createService(CreateServiceRequest.builder()
                .cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(v1)
                .desiredCount(2)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets("subnet-gantry")
                                .build())
                        .build())
                .loadBalancers(LoadBalancer.builder()
                        .targetGroupArn(lb.blue())
                        .containerName("web")
                        .containerPort(8080)
                        .advancedConfiguration(AdvancedConfiguration.builder()
                                .alternateTargetGroupArn(lb.green())
                                .productionListenerRule(lb.production())
                                .testListenerRule(lb.test())
                                .roleArn("arn:aws:iam::000000000000:role/ecs-blue-green")
                                .build())
                        .build())
                .deploymentConfiguration(dc)
                .build());
        awaitService(
                name,
                s -> s.deployments().size() == 1
                        && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
                        && s.runningCount() == 2);
    }

    @Test
    void blueGreenAnswersOnTheTestRuleBeforeProductionMoves() throws Exception {
        Lb lb = loadBalancer("bg");
        createService(
                "bg",
                lb,
                DeploymentConfiguration.builder()
                        .strategy(DeploymentStrategy.BLUE_GREEN)
                        .bakeTimeInMinutes(1)
                        .lifecycleHooks(DeploymentLifecycleHook.builder()
                                .targetType(DeploymentLifecycleHookTargetType.PAUSE)
                                .lifecycleStages(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT)
                                .build())
                        .build());
        assertThat(get(lb.url(), false)).isEqualTo("v1");

        ecs.updateService(b -> b.cluster(CLUSTER).service("bg").taskDefinition(v2));
        ServiceDeployment paused = awaitDeployment(
                "bg",
                d -> d.lifecycleStage() == ServiceDeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT
                        && !d.lifecycleHookDetails().isEmpty());
        assertThat(paused.lifecycleHookDetails().get(0).statusAsString()).isEqualTo("AWAITING_ACTION");
        for (int i = 0; i < 20; i++) {
            assertThat(get(lb.url(), true)).as("test traffic").isEqualTo("v2");
            assertThat(get(lb.url(), false)).as("production traffic").isEqualTo("v1");
        }
        assertThat(weights(lb.production())).containsEntry(lb.blue(), 100).containsEntry(lb.green(), 0);
        assertThat(weights(lb.test())).containsEntry(lb.blue(), 0).containsEntry(lb.green(), 100);

        ecs.continueServiceDeployment(b -> b.serviceDeploymentArn(paused.serviceDeploymentArn())
                .hookId(paused.lifecycleHookDetails().get(0).hookId()));
        Service done = awaitService(
                "bg",
                s -> s.deployments().size() == 1
                        && s.deployments().get(0).taskDefinition().equals(v2)
                        && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString()));
        assertThat(done.runningCount()).isEqualTo(2);
        assertThat(get(lb.url(), false)).isEqualTo("v2");
        assertThat(weights(lb.production())).containsEntry(lb.blue(), 0).containsEntry(lb.green(), 100);
        TestGantry.await(
                () -> elb.describeTargetHealth(b -> b.targetGroupArn(lb.blue())).targetHealthDescriptions(),
                List::isEmpty,
                LIMIT,
                "blue's targets gone");
        assertThat(ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(paused.serviceDeploymentArn()))
                        .serviceDeployments()
                        .get(0)
                        .statusAsString())
                .isEqualTo("SUCCESSFUL");
    }

    @Test
    void aCanarySendsAboutItsShareDuringItsBake() throws Exception {
        Lb lb = loadBalancer("canary");
        createService(
                "canary",
                lb,
                DeploymentConfiguration.builder()
                        .strategy(DeploymentStrategy.CANARY)
                        .bakeTimeInMinutes(0)
                        .canaryConfiguration(CanaryConfiguration.builder()
                                .canaryPercent(20.0)
                                .canaryBakeTimeInMinutes(60) // two minutes at 2 s a minute
                                .build())
                        .build());
        ecs.updateService(b -> b.cluster(CLUSTER).service("canary").taskDefinition(v2));
        awaitDeployment("canary", d -> d.lifecycleStage() == ServiceDeploymentLifecycleStage.PRODUCTION_TRAFFIC_SHIFT);
        assertThat(weights(lb.production())).containsEntry(lb.blue(), 80).containsEntry(lb.green(), 20);
        int n = 400;
        int green = 0;
        for (int i = 0; i < n; i++) {
            if (get(lb.url(), false).equals("v2")) {
                green++;
            }
        }
        assertThat(green).as("requests answered by the canary out of %d", n).isBetween(n / 10, n * 3 / 10);
    }

    @Test
    void aGreenThatCannotStartTripsTheCircuitBreakerAndBlueKeepsServing() throws Exception {
        Lb lb = loadBalancer("broken");
        createService(
                "broken",
                lb,
                DeploymentConfiguration.builder()
                        .strategy(DeploymentStrategy.BLUE_GREEN)
                        .bakeTimeInMinutes(0)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true))
                        .build());
        String blueDeployment = ecs.describeServices(b -> b.cluster(CLUSTER).services("broken"))
                .services()
                .get(0)
                .currentServiceDeployment();
        String broken = ecs.registerTaskDefinition(TaskDefs.fargate(
                                "shift-web",
                                TaskDefs.container("web", "sh", "-c", "echo this version cannot start; exit 1")
                                        .image("gantry-it/shift:v2")
                                        .portMappings(PortMapping.builder()
                                                .containerPort(8080)
                                                .build())
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
        ecs.updateService(b -> b.cluster(CLUSTER).service("broken").taskDefinition(broken));
        String greenDeployment = TestGantry.await(
                () -> ecs.describeServices(b -> b.cluster(CLUSTER).services("broken"))
                        .services()
                        .get(0)
                        .currentServiceDeployment(),
                arn -> !arn.equals(blueDeployment),
                LIMIT,
                "the green deployment");
        Service back = awaitService(
                "broken",
                s -> s.deployments().size() == 1
                        && s.deployments().get(0).taskDefinition().equals(v1)
                        && s.events().stream().anyMatch(e -> e.message().contains("rolling back to deployment")));
        assertThat(back.runningCount()).isEqualTo(2);
        assertThat(back.events().stream().map(e -> e.message()))
                .anyMatch(m -> m.contains("deployment failed: tasks failed to start"));
        ServiceDeployment failed = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(greenDeployment))
                .serviceDeployments()
                .get(0);
        assertThat(failed.statusAsString()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(failed.rollback().serviceRevisionArn())
                .endsWith(blueDeployment.substring(blueDeployment.lastIndexOf('/')));
        for (int i = 0; i < 20; i++) {
            assertThat(get(lb.url(), false)).isEqualTo("v1");
            assertThat(get(lb.url(), true)).isEqualTo("v1");
        }
        assertThat(weights(lb.production())).containsEntry(lb.blue(), 100).containsEntry(lb.green(), 0);
    }

    @Test
    void invalidStrategySettingsGetInvalidParameterException() throws Exception {
        Lb lb = loadBalancer("bad");
        DeploymentConfiguration lambda = DeploymentConfiguration.builder()
                .strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(DeploymentLifecycleHook.builder()
                        .targetType(DeploymentLifecycleHookTargetType.AWS_LAMBDA)
                        .hookTargetArn("arn:aws:lambda:us-east-1:000000000000:function:check")
                        .lifecycleStages(DeploymentLifecycleHookStage.POST_SCALE_UP)
                        .build())
                .build();
        assertThatThrownBy(() -> createService("bad", lb, lambda))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("AWS_LAMBDA");
        DeploymentConfiguration tooSmall = DeploymentConfiguration.builder()
                .strategy(DeploymentStrategy.LINEAR)
                .linearConfiguration(b -> b.stepPercent(2.0))
                .build();
        assertThatThrownBy(() -> createService("bad", lb, tooSmall))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("stepPercent");
        DeploymentConfiguration noBake = DeploymentConfiguration.builder()
                .strategy(DeploymentStrategy.BLUE_GREEN)
                .build();
        assertThatThrownBy(() -> createService("bad", lb, noBake))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("bakeTimeInMinutes");
        Lb other = loadBalancer("other");
        assertThatThrownBy(() -> createService(
                        "bad",
                        new Lb(lb.port(), lb.blue(), lb.green(), other.production(), lb.test()),
                        DeploymentConfiguration.builder()
                                .strategy(DeploymentStrategy.BLUE_GREEN)
                                .bakeTimeInMinutes(1)
                                .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("must forward to the service's target group");
        assertThatThrownBy(() -> ecs.continueServiceDeployment(b -> b.serviceDeploymentArn(
                                "arn:aws:ecs:us-east-1:000000000000:service-deployment/default/none/1234567890123456789")
                        .hookId("1234567890123456789-post_test_traffic_shift")))
                .isInstanceOf(ServiceDeploymentNotFoundException.class)
                .hasMessageContaining("ListServiceDeployments");
    }

    /** GET through the router; with {@code test}, the header the test listener rule matches. */
    private static String get(URI url, boolean test) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10));
        if (test) {
            b.header("x-test", "1");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("status of GET %s", url).isEqualTo(200);
        return r.body().strip();
    }

    /** The rule's forward weights by target group, as DescribeRules reports them. */
    private static Map<String, Integer> weights(String ruleArn) {
        Map<String, Integer> out = new HashMap<>();
        Rule r = elb.describeRules(b -> b.ruleArns(ruleArn)).rules().get(0);
        for (TargetGroupTuple t : r.actions().get(0).forwardConfig().targetGroups()) {
            out.put(t.targetGroupArn(), t.weight());
        }
        return out;
    }

    private static Service awaitService(String name, Predicate<Service> done) {
        return TestGantry.await(
                () -> ecs.describeServices(b -> b.cluster(CLUSTER).services(name))
                        .services()
                        .get(0),
                done,
                LIMIT,
                "service " + name);
    }

    private static ServiceDeployment awaitDeployment(String name, Predicate<ServiceDeployment> done) {
        return TestGantry.await(
                () -> {
                    String arn = ecs.describeServices(b -> b.cluster(CLUSTER).services(name))
                            .services()
                            .get(0)
                            .currentServiceDeployment();
                    return ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(arn))
                            .serviceDeployments()
                            .get(0);
                },
                done,
                LIMIT,
                "deployment of " + name);
    }
}
