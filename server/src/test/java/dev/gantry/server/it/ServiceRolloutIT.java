package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/**
 * The "Done when" for services behind the router, end to end with real clients and real containers: a
 * 4-task service behind an internal ALB becomes stable (the AWS CLI's own services-stable waiter); a container
 * killed by hand is replaced and healthy again, with events telling the story; a rolling deployment to a new
 * version under continuous load through the router fails no request; a version whose container exits at once
 * trips the circuit breaker and rolls back by itself, again with no failed request.
 */
class ServiceRolloutIT {
    private static final String CLUSTER = "rollout";
    private static final String SERVICE = "web";
    private static final int DESIRED = 4;
    private static final Duration ROLLOUT_LIMIT = Duration.ofMinutes(4);

    private static TestGantry g;
    private static ElasticLoadBalancingV2Client elb;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        assumeTrue(AwsCli.installed(), "AWS CLI v2 not installed at /usr/bin/aws (.ci/run installs it)");
        g = TestGantry.shared();
        aws = new AwsCli(g.server.endpoint());
        elb = LbClients.elbv2(g.server.endpoint());
        for (String version : List.of("v1", "v2")) {
            g.server
                    .driver()
                    .buildBusyboxImage(
                            "gantry-it/web:" + version,
                            g.server.config().busybox(),
                            Map.of("/www/index.html", (version + "\n").getBytes()),
                            List.of(),
                            true);
        }
        g.ecs.createCluster(CreateClusterRequest.builder().clusterName(CLUSTER).build());
    }

    @Test
    void healsRollsOutUnderLoadAndRollsBackABrokenVersion() throws Exception {
        String v1 = register("gantry-it/web:v1", "httpd -f -p 8080 -h /www");
        String v2 = register("gantry-it/web:v2", "httpd -f -p 8080 -h /www");
        String broken = register("gantry-it/web:v2", "echo this version cannot start; exit 1");

        int port = ServerProcess.freePort();
        String lb = elb.createLoadBalancer(b -> b.name("rollout")
                        .type(LoadBalancerTypeEnum.APPLICATION)
                        .scheme(LoadBalancerSchemeEnum.INTERNAL)
                        .subnets("subnet-12345", "subnet-67890"))
                .loadBalancers()
                .get(0)
                .loadBalancerArn();
        String tg = LbClients.httpTargetGroup(elb, "rollout-web", 5);
        elb.createListener(b -> b.loadBalancerArn(lb)
                .protocol(ProtocolEnum.HTTP)
                .port(port)
                .defaultActions(Action.builder()
                        .type(ActionTypeEnum.FORWARD)
                        .targetGroupArn(tg)
                        .build()));

        g.ecs.createService(CreateServiceRequest.builder()
                .cluster(CLUSTER)
                .serviceName(SERVICE)
                .taskDefinition(v1)
                .desiredCount(DESIRED)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets("subnet-gantry")
                                .build())
                        .build())
                .loadBalancers(software.amazon.awssdk.services.ecs.model.LoadBalancer.builder()
                        .targetGroupArn(tg)
                        .containerName("web")
                        .containerPort(8080)
                        .build())
                .healthCheckGracePeriodSeconds(30)
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .minimumHealthyPercent(100)
                        .maximumPercent(200)
                        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                                .enable(true)
                                .rollback(true)
                                .build())
                        .build())
                .build());

        // The AWS CLI's own waiter, unmodified: runningCount == desiredCount and a single deployment.
        aws.run(600, "ecs", "wait", "services-stable", "--cluster", CLUSTER, "--services", SERVICE);
        awaitHealthyTargets(tg, DESIRED);

        URI url = URI.create("http://127.0.0.1:" + port + "/index.html");
        assertThat(TestGantry.getWhenListening(url.toString()).body()).isEqualTo("v1\n");

        // 1. A container killed by hand is replaced, and the replacement is healthy behind the router.
        String victim = g.ecs.listTasks(ListTasksRequest.builder()
                        .cluster(CLUSTER)
                        .serviceName(SERVICE)
                        .build())
                .taskArns()
                .get(0);
        String victimId = victim.substring(victim.lastIndexOf('/') + 1);
        Engine.kill(victimId, "web");
        Service healed = awaitService(
                s -> s.runningCount() == DESIRED
                        && s.events().stream().anyMatch(e -> e.message().contains("has started 1 tasks")),
                "a replacement for " + victimId);
        assertThat(healed.events().get(healed.events().size() - 1).message()).contains("has started 4 tasks");
        var stopped = g.describe(CLUSTER, victim);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCodeAsString()).isEqualTo("EssentialContainerExited");
        assertThat(g.ecs.listTasks(ListTasksRequest.builder()
                                .cluster(CLUSTER)
                                .serviceName(SERVICE)
                                .build())
                        .taskArns())
                .hasSize(DESIRED)
                .doesNotContain(victim);
        awaitHealthyTargets(tg, DESIRED);
        awaitService(s -> s.events().get(0).message().contains("has reached a steady state"), "steady state");

        // 2. A rolling deployment under continuous load through the router: not one failed request.
        try (LoadGenerator load = LoadGenerator.start(url, 4)) {
            g.ecs.updateService(UpdateServiceRequest.builder()
                    .cluster(CLUSTER)
                    .service(SERVICE)
                    .taskDefinition(v2)
                    .build());
            Service done = awaitService(
                    s -> s.deployments().size() == 1
                            && s.deployments().get(0).taskDefinition().equals(v2)
                            && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
                            && s.runningCount() == DESIRED,
                    "the rollout to v2");
            assertThat(done.events().stream().map(ServiceEvent::message))
                    .anyMatch(m -> m.contains("deployment completed"));
            awaitDrained(tg);
            load.stop();
            assertThat(load.failed())
                    .as("failed requests during the rollout: %s", load)
                    .isZero();
            assertThat(load.bodies()).as("answers during the rollout").containsKeys("v1", "v2");
        }
        assertThat(TestGantry.getWhenListening(url.toString()).body()).isEqualTo("v2\n");

        // 3. A version whose container exits at once trips the circuit breaker and rolls back, traffic untouched.
        try (LoadGenerator load = LoadGenerator.start(url, 4)) {
            g.ecs.updateService(UpdateServiceRequest.builder()
                    .cluster(CLUSTER)
                    .service(SERVICE)
                    .taskDefinition(broken)
                    .build());
            Service rolledBack = awaitService(
                    s -> s.deployments().size() == 1
                            && s.deployments().get(0).taskDefinition().equals(v2)
                            && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
                            && s.deployments().get(0).rolloutStateReason().contains("circuit breaker")
                            && s.events().stream().anyMatch(e -> e.message().contains("deployment failed")),
                    "the rollback to v2");
            assertThat(rolledBack.runningCount()).isEqualTo(DESIRED);
            load.stop();
            assertThat(load.failed())
                    .as("failed requests during the failed rollout: %s", load)
                    .isZero();
            assertThat(load.bodies()).as("answers during the failed rollout").containsOnlyKeys("v2");
        }
        aws.run(600, "ecs", "wait", "services-stable", "--cluster", CLUSTER, "--services", SERVICE);
    }

    private static String register(String image, String script) {
        return g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                "rollout-web",
                                TaskDefs.container("web", "sh", "-c", script)
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

    private static Service describe() {
        return g.ecs.describeServices(DescribeServicesRequest.builder()
                        .cluster(CLUSTER)
                        .services(SERVICE)
                        .build())
                .services()
                .get(0);
    }

    private static Service awaitService(java.util.function.Predicate<Service> done, String what) {
        return TestGantry.await(ServiceRolloutIT::describe, done, ROLLOUT_LIMIT, what);
    }

    private static List<TargetHealthDescription> health(String tg) {
        return elb.describeTargetHealth(
                        DescribeTargetHealthRequest.builder().targetGroupArn(tg).build())
                .targetHealthDescriptions();
    }

    private static void awaitHealthyTargets(String tg, int count) {
        TestGantry.await(
                () -> health(tg),
                h -> h.size() == count
                        && h.stream().allMatch(d -> d.targetHealth().state() == TargetHealthStateEnum.HEALTHY),
                ROLLOUT_LIMIT,
                count + " healthy targets");
    }

    /** Until the old version's targets have drained out of the group (the service stops them only after that). */
    private static void awaitDrained(String tg) {
        awaitHealthyTargets(tg, DESIRED);
    }
}
