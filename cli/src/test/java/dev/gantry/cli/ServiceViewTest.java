package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

class ServiceViewTest {
    private static final String TG = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123";

    private static Service web() {
        Deployment primary = RolloutTest.deployment(
                        "ecs-svc/2", "PRIMARY", RolloutTest.NEW, DeploymentRolloutState.IN_PROGRESS, 4, 2, 1)
                .toBuilder()
                .createdAt(RolloutTest.T0.plusSeconds(10))
                .updatedAt(RolloutTest.T0.plusSeconds(50))
                .rolloutStateReason("ECS deployment ecs-svc/2 in progress.")
                .build();
        Deployment old = RolloutTest.deployment(
                "ecs-svc/1", "ACTIVE", RolloutTest.OLD, DeploymentRolloutState.COMPLETED, 4, 3, 0);
        return RolloutTest.service(
                        List.of(old, primary), // out of order: PRIMARY is shown first anyway
                        RolloutTest.event("e1", 1, "has started 2 tasks: (task a) (task b)."),
                        RolloutTest.event("e2", 2, "has stopped 1 running tasks: (task c)."),
                        RolloutTest.event(
                                "e3",
                                3,
                                "(task d) (port 8080) is unhealthy in (target-group " + TG
                                        + ") due to (reason Health checks failed)."))
                .toBuilder()
                .taskDefinition(RolloutTest.NEW)
                .desiredCount(4)
                .runningCount(5)
                .pendingCount(1)
                .launchType(LaunchType.FARGATE)
                .createdAt(RolloutTest.T0)
                .deploymentConfiguration(c -> c.minimumHealthyPercent(100)
                        .maximumPercent(200)
                        .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)))
                .loadBalancers(LoadBalancer.builder()
                        .targetGroupArn(TG)
                        .containerName("app")
                        .containerPort(8080)
                        .build())
                .build();
    }

    @Test
    void tableShowsCountsDeploymentsAndTheLastEvent() {
        Service idle = RolloutTest.BEFORE.toBuilder()
                .serviceName("api")
                .events(ServiceEvent.builder()
                        .id("a1")
                        .createdAt(RolloutTest.T0.minusSeconds(60))
                        .message("(service api) has reached a steady state.")
                        .build())
                .build();
        String table = ServiceView.table(List.of(web(), idle), RolloutTest.T0.plusSeconds(63))
                .render();
        assertThat(table.lines())
                .containsExactly(
                        "SERVICE   STATUS   DESIRED   RUNNING   PENDING   DEFINITION   DEPLOYMENTS"
                                + "                                                                            LAST EVENT",
                        "web       ACTIVE   4         5         1         web:5        web:5 PRIMARY IN_PROGRESS 2/4"
                                + " running, 1 pending; web:4 ACTIVE COMPLETED 3/4 running   1m00s ago: (task d) (port"
                                + " 8080) is unhealthy in (target-group arn:aws:…",
                        "api       ACTIVE   2         0         0         web:4        web:4 PRIMARY COMPLETED 2/2"
                                + " running                                                    2m03s ago: has reached a"
                                + " steady state.");
    }

    @Test
    void detailShowsDeploymentsLoadBalancersAndTheLatestEventsNewestFirst() {
        String detail = ServiceView.detail(web(), 2, RolloutTest.T0.plusSeconds(60), ZoneOffset.UTC);
        assertThat(detail).isEqualTo("""
                        Service:    web
                        ARN:        arn:aws:ecs:us-east-1:000000000000:service/default/web
                        Status:     ACTIVE
                        Definition: web:5
                        Tasks:      4 desired, 5 running, 1 pending
                        Launch:     FARGATE
                        Deployment: ROLLING, min 100% max 200%, circuit breaker with rollback
                        Created:    2025-03-01 12:00:00 (1m00s ago)

                        Deployments:
                          ID          STATUS    DEFINITION   ROLLOUT       DESIRED   RUNNING   PENDING   FAILED   UPDATED
                          ecs-svc/2   PRIMARY   web:5        IN_PROGRESS   4         2         1         0        10s ago
                          ecs-svc/1   ACTIVE    web:4        COMPLETED     4         3         0         0        -
                          ecs-svc/2: ECS deployment ecs-svc/2 in progress.

                        Load balancers:
                          TARGET GROUP                                                               CONTAINER   PORT   ALTERNATE TARGET GROUP
                          arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123   app         8080   -

                        Events (newest first, last 2 of 3):
                          2025-03-01 12:00:03  (task d) (port 8080) is unhealthy in (target-group TG) due to (reason Health checks failed).
                          2025-03-01 12:00:02  has stopped 1 running tasks: (task c).
                        """.replace("TG", TG));
    }

    @Test
    void aServiceWithNothingYetSaysSo() {
        Service bare = Service.builder().serviceName("empty").status("ACTIVE").build();
        assertThat(ServiceView.detail(bare, 10, RolloutTest.T0, ZoneOffset.UTC))
                .contains("Deployments:\n  none\n")
                .endsWith("Events (newest first):\n  none\n")
                .doesNotContain("Load balancers");
        assertThat(ServiceFacts.message(
                        ServiceEvent.builder().message("(service other) x").build(), "empty"))
                .isEqualTo("(service other) x");
    }
}
