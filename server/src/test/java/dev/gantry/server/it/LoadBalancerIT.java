package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The ELBv2 control plane driving the router, end to end: two busybox httpd tasks behind an internal ALB created
 * with the AWS SDK and the AWS CLI v2; health checks take targets from initial to healthy; requests through the
 * listener reach the tasks, split by weight and by a path rule; a listener survives a restart of the server (and
 * says active_impaired while another program holds its port); a stopped task's target turns unhealthy; a
 * deregistered one drains, then is gone. Waits are deadlines on conditions, never timed assertions.
 */
class LoadBalancerIT {
    private static final String IMAGE = "gantry-it/lb:1";
    private static final Duration HEALTH = Duration.ofSeconds(90);

    @Test
    void elbv2DrivesTheRouterEndToEnd() throws Exception {
        Path dir = Files.createTempDirectory("gantry-lb-");
        AtomicReference<TestGantry> running = new AtomicReference<>(TestGantry.start(dir));
        try {
            scenario(dir, running);
        } finally {
            running.get().server.close();
            Engine.removeInstallationOf(dir);
        }
    }

    private static Task runHttpd(TestGantry g, String family) {
        String arn = g.ecs.runTask(RunTaskRequest.builder()
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets("subnet-gantry")
                                        .build())
                                .build())
                        .build())
                .tasks()
                .getFirst()
                .taskArn();
        return g.awaitStatus("default", arn, "RUNNING");
    }

    private static String ip(Task t) {
        return t.attachments().getFirst().details().stream()
                .filter(d -> d.name().equals("privateIPv4Address"))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static void register(TestGantry g, String family, String docroot) {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        family,
                        TaskDefs.container("web", "httpd", "-f", "-p", "8080", "-h", docroot)
                                .image(IMAGE)
                                .stopTimeout(2)
                                .build())
                .build());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<TargetHealthDescription> health(ElasticLoadBalancingV2Client elb, String tg) {
        return elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions();
    }

    private static String state(ElasticLoadBalancingV2Client elb, String tg, String ip) {
        return health(elb, tg).stream()
                .filter(d -> d.target().id().equals(ip))
                .map(d -> d.targetHealth().stateAsString())
                .findFirst()
                .orElse("gone");
    }

    private static void awaitState(ElasticLoadBalancingV2Client elb, String tg, String ip, String wanted) {
        TestGantry.await(() -> state(elb, tg, ip), wanted::equals, HEALTH, "target " + ip + " to be " + wanted);
    }

    private static Map<String, Integer> count(int port, String path, int requests) {
        Map<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            seen.merge(LbClients.bodyOrError(port, path), 1, Integer::sum);
        }
        return seen;
    }

    private static Action forward(String tg) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(tg).build();
    }

    private static String targetGroup(ElasticLoadBalancingV2Client elb, String name) {
        return elb.createTargetGroup(r -> r.name(name)
                        .protocol(ProtocolEnum.HTTP)
                        .port(8080)
                        .targetType(TargetTypeEnum.IP)
                        .healthCheckPath("/health")
                        .healthCheckIntervalSeconds(5)
                        .healthCheckTimeoutSeconds(2)
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(2))
                .targetGroups()
                .getFirst()
                .targetGroupArn();
    }

    /** {@code running} holds the live server (replaced by the restart), for the clean-up. */
    private void scenario(Path dir, AtomicReference<TestGantry> running) throws Exception {
        TestGantry g = running.get();
        g.server
                .driver()
                .buildBusyboxImage(
                        IMAGE,
                        g.server.config().busybox(),
                        Map.of(
                                "/a/index.html", "A\n".getBytes(),
                                "/a/health", "ok\n".getBytes(),
                                "/b/index.html", "B\n".getBytes(),
                                "/b/b/index.html", "B\n".getBytes(),
                                "/b/health", "ok\n".getBytes()),
                        List.of(),
                        true);
        register(g, "lb-a", "/a");
        register(g, "lb-b", "/b");
        Task a = runHttpd(g, "lb-a");
        Task b = runHttpd(g, "lb-b");
        String ipA = ip(a);
        String ipB = ip(b);
        ElasticLoadBalancingV2Client elb = LbClients.elbv2(g.server.endpoint());

        String lbArn = elb.createLoadBalancer(r ->
                        r.name("web").type(LoadBalancerTypeEnum.APPLICATION).scheme(LoadBalancerSchemeEnum.INTERNAL))
                .loadBalancers()
                .getFirst()
                .loadBalancerArn();
        String tgA = targetGroup(elb, "tg-a");
        String tgB = targetGroup(elb, "tg-b");

        // a port another program holds is refused, with a message that says what to do
        int port;
        try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> elb.createListener(r -> r.loadBalancerArn(lbArn)
                            .protocol(ProtocolEnum.HTTP)
                            .port(held.getLocalPort())
                            .defaultActions(forward(tgA))))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidConfigurationRequest");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("in use", "Choose another port");
                    });
        }
        port = freePort();
        final int listenerPort = port;
        String listenerArn = elb.createListener(r -> r.loadBalancerArn(lbArn)
                        .protocol(ProtocolEnum.HTTP)
                        .port(listenerPort)
                        .defaultActions(forward(tgA)))
                .listeners()
                .getFirst()
                .listenerArn();

        // registered: initial, then healthy once two checks passed (the AWS CLI's own waiter for A)
        elb.registerTargets(r -> r.targetGroupArn(tgA)
                .targets(TargetDescription.builder().id(ipA).port(8080).build()));
        elb.registerTargets(r -> r.targetGroupArn(tgB)
                .targets(TargetDescription.builder().id(ipB).port(8080).build()));
        assertThat(state(elb, tgA, ipA)).isEqualTo("initial");
        assertThat(state(elb, tgB, ipB)).isEqualTo("unused"); // B is on no listener yet
        if (LbClients.cliInstalled()) {
            LbClients.CliResult waited = LbClients.aws(
                    g.server.endpoint(),
                    "elbv2",
                    "wait",
                    "target-in-service",
                    "--target-group-arn",
                    tgA,
                    "--targets",
                    "Id=" + ipA + ",Port=8080");
            assertThat(waited.exit()).as(waited.out()).isZero();
        }
        awaitState(elb, tgA, ipA, "healthy");

        // traffic through the listener reaches task A
        assertThat(LbClients.get(listenerPort, "/index.html").body()).isEqualTo("A\n");
        assertThat(count(listenerPort, "/index.html", 20)).containsExactly(Map.entry("200 A", 20));

        // weighted forward 80/20 across A and B
        elb.modifyListener(r -> r.listenerArn(listenerArn)
                .defaultActions(Action.builder()
                        .type(ActionTypeEnum.FORWARD)
                        .forwardConfig(ForwardActionConfig.builder()
                                .targetGroups(
                                        TargetGroupTuple.builder()
                                                .targetGroupArn(tgA)
                                                .weight(80)
                                                .build(),
                                        TargetGroupTuple.builder()
                                                .targetGroupArn(tgB)
                                                .weight(20)
                                                .build())
                                .build())
                        .build()));
        awaitState(elb, tgB, ipB, "healthy");
        Map<String, Integer> split = count(listenerPort, "/index.html", 400);
        assertThat(split.keySet()).containsExactlyInAnyOrder("200 A", "200 B");
        assertThat(split.get("200 A")).isBetween(280, 360); // 80 % of 400 is 320
        assertThat(split.get("200 B")).isBetween(40, 120);

        // a path rule sends /b/* to B only
        elb.createRule(r -> r.listenerArn(listenerArn)
                .priority(10)
                .conditions(RuleCondition.builder()
                        .field("path-pattern")
                        .values("/b/*")
                        .build())
                .actions(forward(tgB)));
        assertThat(count(listenerPort, "/b/index.html", 30)).containsExactly(Map.entry("200 B", 30));

        // restart: the listener comes back from SQLite; while another program holds its port the load balancer
        // says so, and the listener binds once the port is free
        g.server.close();
        ServerSocket squatter = new ServerSocket(listenerPort, 50, InetAddress.getLoopbackAddress());
        try {
            g = TestGantry.start(dir);
            running.set(g);
            ElasticLoadBalancingV2Client restarted = LbClients.elbv2(g.server.endpoint());
            LoadBalancer impaired = restarted
                    .describeLoadBalancers(r -> r.loadBalancerArns(lbArn))
                    .loadBalancers()
                    .getFirst();
            assertThat(impaired.state().code()).isEqualTo(LoadBalancerStateEnum.ACTIVE_IMPAIRED);
            assertThat(impaired.state().reason()).contains(listenerArn, "port " + listenerPort);
        } finally {
            squatter.close();
        }
        ElasticLoadBalancingV2Client elb2 = LbClients.elbv2(g.server.endpoint());
        TestGantry.await(
                () -> elb2.describeLoadBalancers(r -> r.loadBalancerArns(lbArn))
                        .loadBalancers()
                        .getFirst()
                        .state()
                        .code(),
                LoadBalancerStateEnum.ACTIVE::equals,
                Duration.ofSeconds(30),
                "the listener to bind once its port is free");
        TestGantry.await(
                () -> LbClients.bodyOrError(listenerPort, "/b/index.html"),
                "200 B"::equals,
                HEALTH,
                "the restarted listener to answer");
        awaitState(elb2, tgA, ipA, "healthy");
        awaitState(elb2, tgB, ipB, "healthy");
        assertThat(count(listenerPort, "/index.html", 40).keySet()).containsExactlyInAnyOrder("200 A", "200 B");

        // a stopped task's target turns unhealthy, with ELB's reason
        g.ecs.stopTask(StopTaskRequest.builder().task(a.taskArn()).build());
        g.awaitStatus("default", a.taskArn(), "STOPPED");
        awaitState(elb2, tgA, ipA, "unhealthy");
        TargetHealthDescription down = health(elb2, tgA).getFirst();
        assertThat(down.targetHealth().reasonAsString()).isIn("Target.Timeout", "Target.FailedHealthChecks");
        assertThat(down.targetHealth().description()).isNotBlank();

        // deregistered: draining for the deregistration delay, then gone
        elb2.modifyTargetGroupAttributes(r -> r.targetGroupArn(tgB)
                .attributes(TargetGroupAttribute.builder()
                        .key("deregistration_delay.timeout_seconds")
                        .value("3")
                        .build()));
        elb2.deregisterTargets(r -> r.targetGroupArn(tgB)
                .targets(TargetDescription.builder().id(ipB).port(8080).build()));
        TargetHealthDescription leaving = health(elb2, tgB).getFirst();
        assertThat(leaving.targetHealth().stateAsString()).isEqualTo("draining");
        assertThat(leaving.targetHealth().reasonAsString()).isEqualTo("Target.DeregistrationInProgress");
        awaitState(elb2, tgB, ipB, "gone");
        assertThat(health(elb2, tgB)).isEmpty();
    }
}
