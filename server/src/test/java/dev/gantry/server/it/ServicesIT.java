package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECS services end to end on real containers, driven by the real AWS CLI v2 (its services-stable and
 * services-inactive waiters) and the SDK: the desired count is held when a container is killed by hand, a rolling
 * deployment completes, a version that exits at once trips the circuit breaker and rolls back, DeleteService drains
 * to INACTIVE.
 */
class ServicesIT {
    private static TestGantry g;
    private static AwsCli aws;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(AwsCli.AWS), "AWS CLI v2 not installed at /usr/bin/aws (.ci/run installs it)");
        g = TestGantry.shared();
        aws = new AwsCli(g.server.endpoint());
    }

    /** A revision of the "svc" family whose container sets VERSION and passes a 5 s container health check. */
    static String register(String family, String version, String... command) {
        return g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                family,
                                TaskDefs.container("web", command)
                                        .stopTimeout(2)
                                        .environment(KeyValuePair.builder()
                                                .name("VERSION")
                                                .value(version)
                                                .build())
                                        .healthCheck(HealthCheck.builder()
                                                .command("CMD-SHELL", "true")
                                                .interval(5)
                                                .timeout(2)
                                                .retries(2)
                                                .build())
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
    }

    static final String[] SERVE = {"sh", "-c", "httpd -f -p 8080 -h /www"};

    @Test
    void aServiceHoldsItsCountRollsOutRollsBackAndDrains() throws Exception {
        String v1 = register("svc", "1", SERVE);
        aws.run(
                "ecs",
                "create-service",
                "--service-name",
                "web",
                "--task-definition",
                v1,
                "--desired-count",
                "2",
                "--launch-type",
                "FARGATE",
                "--network-configuration",
                "awsvpcConfiguration={subnets=[subnet-gantry]}",
                "--deployment-configuration",
                "deploymentCircuitBreaker={enable=true,rollback=true},maximumPercent=200,minimumHealthyPercent=100");
        Service s = awaitSteady("web");
        assertThat(s.runningCount()).isEqualTo(2);
        assertThat(s.deployments()).singleElement().satisfies(d -> {
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.id()).matches("ecs-svc/\\d{19}");
        });
        assertThat(messages(s))
                .anyMatch(m -> m.matches(
                        "\\(service web\\) has started 2 tasks: \\(task \\w{32}\\) " + "\\(task \\w{32}\\)\\."));
        assertThat(messages(s).get(0)).isEqualTo("(service web) has reached a steady state.");
        List<Task> tasks = running("web");
        assertThat(tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.startedBy()).isEqualTo(s.deployments().get(0).id());
            assertThat(t.group()).isEqualTo("service:web");
        });

        // a container killed by hand: the task stops and a replacement comes up
        Task victim = tasks.get(0);
        String victimId = victim.taskArn().substring(victim.taskArn().lastIndexOf('/') + 1);
        try (DockerClient docker = Engine.client()) {
            docker.killContainerCmd("gantry-" + victimId + "-web").exec();
        }
        TestGantry.await(
                () -> running("web"),
                now -> now.size() == 2
                        && now.stream().noneMatch(t -> t.taskArn().equals(victim.taskArn())),
                Duration.ofSeconds(120),
                "a replacement for the killed task");
        Service healed = awaitSteady("web");
        assertThat(messages(healed))
                .anyMatch(m -> m.matches("\\(service web\\) has started 1 tasks: \\(task \\w{32}\\)\\."));
        assertThat(healed.deployments().get(0).failedTasks()).isZero(); // the replacement became healthy

        // a rolling deployment to a new revision completes
        String v2 = register("svc", "2", SERVE);
        aws.run("ecs", "update-service", "--service", "web", "--task-definition", v2);
        Service rolled = awaitSteady("web");
        assertThat(rolled.taskDefinition()).isEqualTo(v2);
        assertThat(rolled.deployments()).singleElement().satisfies(d -> {
            assertThat(d.taskDefinition()).isEqualTo(v2);
            assertThat(d.rolloutStateAsString()).isEqualTo("COMPLETED");
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + d.id() + " completed.");
        });
        String v2Deployment = rolled.deployments().get(0).id();
        assertThat(messages(rolled))
                .contains("(service web) deployment " + v2Deployment + " deployment completed.")
                .anyMatch(m -> m.startsWith("(service web) has stopped "));
        assertThat(running("web"))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(v2));

        // a version whose container exits at once trips the circuit breaker and rolls back to v2
        String v3 = register("svc", "3", "sh", "-c", "exit 3");
        aws.run("ecs", "update-service", "--service", "web", "--task-definition", v3);
        Service rolledBack = TestGantry.await(
                () -> describe("web"),
                x -> messages(x).stream().anyMatch(m -> m.startsWith("(service web) rolling back to deployment")),
                Duration.ofSeconds(180),
                "the circuit breaker to roll back");
        assertThat(messages(rolledBack))
                .anyMatch(
                        m -> m.matches(
                                "\\(service web\\) \\(deployment ecs-svc/\\d{19}\\) deployment failed: tasks failed to start\\."))
                .contains("(service web) rolling back to deployment " + v2Deployment + ".");
        Service back = awaitSteady("web");
        assertThat(back.taskDefinition()).isEqualTo(v2);
        assertThat(back.deployments())
                .singleElement()
                .satisfies(d -> assertThat(d.rolloutStateReason())
                        .isEqualTo(
                                "ECS deployment circuit breaker: rolling back to deploymentId " + v2Deployment + "."));
        assertThat(running("web"))
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.taskDefinitionArn()).isEqualTo(v2));
        var deployments = g.ecs.listServiceDeployments(b -> b.service("web")).serviceDeployments();
        assertThat(deployments).extracting(d -> d.statusAsString()).contains("SUCCESSFUL", "ROLLBACK_SUCCESSFUL");

        // delete: DRAINING, then INACTIVE once its tasks are gone
        aws.run("ecs", "delete-service", "--service", "web", "--force");
        aws.run("ecs", "wait", "services-inactive", "--services", "web");
        assertThat(describe("web").status()).isEqualTo("INACTIVE");
        TestGantry.await(() -> running("web"), List::isEmpty, Duration.ofSeconds(60), "the service's tasks to stop");
        assertThat(g.ecs.listServices(b -> b.cluster("default")).serviceArns()).doesNotContain(s.serviceArn());
    }

    @Test
    void aTaskFailingItsContainerHealthCheckIsReplacedAndRepeatedFailuresBackOff() {
        String sick = g.ecs.registerTaskDefinition(TaskDefs.fargate(
                                "svc-sick",
                                TaskDefs.container("web", SERVE)
                                        .stopTimeout(2)
                                        .healthCheck(HealthCheck.builder()
                                                .command("CMD-SHELL", "exit 1")
                                                .interval(5)
                                                .timeout(2)
                                                .retries(1)
                                                .build())
                                        .build())
                        .build())
                .taskDefinition()
                .taskDefinitionArn();
        g.ecs.createService(b -> b.serviceName("sick")
                .taskDefinition(sick)
                .desiredCount(1)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))));
        Service s = TestGantry.await(
                () -> describe("sick"),
                x -> messages(x).contains("(service sick) is unable to consistently start tasks successfully."),
                Duration.ofSeconds(240),
                "the scheduler to back off after repeated health check failures");
        assertThat(messages(s))
                .anyMatch(m -> m.matches("\\(service sick\\) \\(task \\w{32}\\) failed container health checks\\."));
        List<String> stoppedArns = g.ecs.listTasks(b -> b.serviceName("sick").desiredStatus(DesiredStatus.STOPPED))
                .taskArns();
        assertThat(stoppedArns).hasSizeGreaterThanOrEqualTo(3);
        assertThat(g.ecs.describeTasks(b -> b.tasks(stoppedArns)).tasks()).allSatisfy(t -> {
            assertThat(t.stopCodeAsString()).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.stoppedReason()).isEqualTo("Task failed container health checks");
        });
        g.ecs.deleteService(b -> b.service("sick").force(true));
    }

    /**
     * The CLI's services-stable waiter (one deployment, runningCount = desiredCount), then the rollout COMPLETED
     * and the steady-state event, which follow once the new tasks count as healthy.
     */
    static Service awaitSteady(String name) throws Exception {
        aws.run("ecs", "wait", "services-stable", "--services", name);
        return TestGantry.await(
                () -> describe(name),
                x -> x.deployments().size() == 1
                        && x.deployments().get(0).rolloutStateAsString().equals("COMPLETED")
                        && messages(x).get(0).equals("(service " + name + ") has reached a steady state."),
                Duration.ofSeconds(120),
                "service " + name + " to reach a steady state");
    }

    static Service describe(String name) {
        return g.ecs.describeServices(b -> b.services(name)).services().get(0);
    }

    static List<String> messages(Service s) {
        return s.events().stream().map(ServiceEvent::message).toList();
    }

    /** The service's tasks desired RUNNING that are RUNNING. */
    static List<Task> running(String service) {
        List<String> arns = g.ecs.listTasks(b -> b.serviceName(service).desiredStatus(DesiredStatus.RUNNING))
                .taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        return g.ecs.describeTasks(b -> b.tasks(arns)).tasks().stream()
                .filter(t -> t.lastStatus().equals("RUNNING") && seen.add(t.taskArn()))
                .toList();
    }

    /** The AWS CLI v2 at /usr/bin/aws, pointed at Gantry. */
    static final class AwsCli {
        static final Path AWS = Path.of("/usr/bin/aws");
        private final String endpoint;

        AwsCli(String endpoint) {
            this.endpoint = endpoint;
        }

        String run(String... args) throws Exception {
            List<String> cmd = new java.util.ArrayList<>(List.of(AWS.toString(), "--endpoint-url", endpoint));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY);
            pb.environment().put("AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY);
            pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            pb.environment().put("AWS_PAGER", "");
            pb.environment().remove("AWS_PROFILE");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES))
                    .as("aws %s finished", String.join(" ", args))
                    .isTrue();
            assertThat(p.exitValue())
                    .as("aws %s exit code; output: %s", String.join(" ", args), out)
                    .isZero();
            return out.trim();
        }
    }
}
