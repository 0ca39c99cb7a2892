package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

/** Bad service requests get ECS's exception types and messages that say what to change, through the real SDK. */
class ServiceValidationIT {
    private static TestGantry g;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "svc-valid",
                        TaskDefs.container("main", "sleep", "600")
                                .portMappings(p -> p.containerPort(8080))
                                .build())
                .build());
    }

    static CreateServiceRequest.Builder valid(String name) {
        return CreateServiceRequest.builder()
                .serviceName(name)
                .taskDefinition("svc-valid")
                .desiredCount(0)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry")));
    }

    static Arguments bad(String what, Consumer<CreateServiceRequest.Builder> change, Class<?> type, String says) {
        return Arguments.of(what, change, type, says);
    }

    static Stream<Arguments> badCreates() {
        return Stream.of(
                bad(
                        "DAEMON",
                        b -> b.schedulingStrategy(SchedulingStrategy.DAEMON),
                        InvalidParameterException.class,
                        "DAEMON scheduling strategy is not supported with the FARGATE launch type"),
                bad(
                        "CODE_DEPLOY",
                        b -> b.deploymentController(c -> c.type(DeploymentControllerType.CODE_DEPLOY)),
                        InvalidParameterException.class,
                        "Use deploymentController type ECS"),
                bad(
                        "EXTERNAL",
                        b -> b.deploymentController(c -> c.type(DeploymentControllerType.EXTERNAL)),
                        InvalidParameterException.class,
                        "Use deploymentController type ECS"),
                bad(
                        "BLUE_GREEN without bakeTimeInMinutes",
                        b -> b.deploymentConfiguration(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)),
                        InvalidParameterException.class,
                        "bakeTimeInMinutes is required with the BLUE_GREEN strategy"),
                bad(
                        "min 150%",
                        b -> b.deploymentConfiguration(c -> c.minimumHealthyPercent(150)),
                        InvalidParameterException.class,
                        "between 0 and 100"),
                bad(
                        "max 50%",
                        b -> b.deploymentConfiguration(c -> c.maximumPercent(50)),
                        InvalidParameterException.class,
                        "at least 100"),
                bad(
                        "bad name",
                        b -> b.serviceName("no spaces"),
                        InvalidParameterException.class,
                        "Invalid service name"),
                bad(
                        "no network",
                        b -> b.networkConfiguration(
                                (software.amazon.awssdk.services.ecs.model.NetworkConfiguration) null),
                        InvalidParameterException.class,
                        "Network Configuration must be provided"),
                bad("EC2", b -> b.launchType("EC2"), InvalidParameterException.class, "Gantry runs tasks on FARGATE"),
                bad(
                        "unknown target group",
                        b -> b.loadBalancers(l -> l.targetGroupArn(
                                        "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/none/1")
                                .containerName("main")
                                .containerPort(8080)),
                        InvalidParameterException.class,
                        "Unable to find the target group"),
                bad("unknown cluster", b -> b.cluster("nope"), ClusterNotFoundException.class, "Cluster not found"),
                bad(
                        "placement",
                        b -> b.placementConstraints(p -> p.type("distinctInstance")),
                        InvalidParameterException.class,
                        "'placementConstraints'"),
                bad("negative count", b -> b.desiredCount(-1), InvalidParameterException.class, "cannot be negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badCreates(String what, Consumer<CreateServiceRequest.Builder> change, Class<?> type, String says) {
        CreateServiceRequest.Builder b = valid("bad-" + what.replaceAll("\\W", ""));
        change.accept(b);
        assertThatThrownBy(() -> g.ecs.createService(b.build()))
                .isInstanceOf(type)
                .hasMessageContaining(says);
    }

    @Test
    void lifecycleErrors() {
        g.ecs.createService(valid("idle").build());
        assertThatThrownBy(
                        () -> g.ecs.createService(valid("idle").desiredCount(1).build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Creation of service was not idempotent");
        assertThatThrownBy(() -> g.ecs.updateService(b -> b.service("missing")))
                .isInstanceOf(ServiceNotFoundException.class)
                .hasMessageContaining("ListServices");
        assertThatThrownBy(() -> g.ecs.updateService(b -> b.service("idle").desiredCount(-2)))
                .isInstanceOf(InvalidParameterException.class);
        g.ecs.updateService(b -> b.service("idle").desiredCount(1));
        assertThat(g.ecs.describeServices(b -> b.services("idle"))
                        .services()
                        .get(0)
                        .deployments())
                .as("a new desiredCount alone starts no deployment")
                .hasSize(1);
        g.ecs.createService(valid("idle-two").build());
        var page = g.ecs.listServices(b -> b.maxResults(1));
        assertThat(page.serviceArns()).hasSize(1);
        assertThat(page.nextToken()).isNotNull();
        assertThat(g.ecs.listServices(b -> b.maxResults(1).nextToken(page.nextToken()))
                        .serviceArns())
                .hasSize(1)
                .doesNotContainAnyElementsOf(page.serviceArns());
        g.ecs.deleteService(b -> b.service("idle-two"));
        assertThatThrownBy(() -> g.ecs.deleteService(b -> b.service("idle")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("scaled above 0");
        g.ecs.deleteService(b -> b.service("idle").force(true));
        assertThatThrownBy(() -> g.ecs.updateService(b -> b.service("idle").desiredCount(0)))
                .isInstanceOf(ServiceNotActiveException.class);
        var described = g.ecs.describeServices(b -> b.services("idle", "never-was"));
        assertThat(described.services())
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isIn("DRAINING", "INACTIVE"));
        assertThat(described.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).endsWith(":service/default/never-was");
        });
        assertThatThrownBy(() -> g.ecs.listServiceDeployments(b -> b.service("never-was")))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThat(g.ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(
                                "arn:aws:ecs:us-east-1:000000000000:service-deployment/default/idle/1"))
                        .failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }
}
