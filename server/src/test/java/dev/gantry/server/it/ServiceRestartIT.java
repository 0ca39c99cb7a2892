package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.gantry.runtime.docker.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * kill -9 of the server in the middle of a rolling deployment, then a restart on the same data dir: the deployment
 * finishes with exactly the desired count of new tasks, none started twice and none lost.
 */
class ServiceRestartIT {

    @Test
    void aRollingDeploymentSurvivesKillDashNine() throws Exception {
        TestGantry.shared(); // builds the test image
        Path dir = Files.createTempDirectory("gantry-svc-restart-");
        int port = ServerProcess.freePort();
        ServerProcess first = ServerProcess.start(dir, port);
        try {
            scenario(dir, port, first);
        } finally {
            first.kill();
            Engine.removeInstallationOf(dir);
        }
    }

    private void scenario(Path dir, int port, ServerProcess first) throws Exception {
        String v2;
        try (EcsClient ecs = TestGantry.ecsClient(first.endpoint())) {
            String v1 = register(ecs, "1");
            v2 = register(ecs, "2");
            ecs.createService(b -> b.serviceName("api")
                    .taskDefinition(v1)
                    .desiredCount(3)
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry")))
                    .enableECSManagedTags(true)
                    .propagateTags(PropagateTags.SERVICE)
                    .tags(t -> t.key("team").value("blue"))
                    // at most floor(3 x 1.34) = 4 tasks: the rollout replaces one task at a time
                    .deploymentConfiguration(c -> c.minimumHealthyPercent(100).maximumPercent(134)));
            awaitSteady(ecs, v1);
            ecs.updateService(b -> b.service("api").taskDefinition(v2));
            TestGantry.await(
                    () -> describe(ecs),
                    s -> s.deployments().size() == 2
                            && s.deployments().stream()
                                    .anyMatch(d -> d.taskDefinition().equals(v2) && d.runningCount() >= 1),
                    Duration.ofSeconds(120),
                    "the rollout to be under way");
        }
        first.kill();
        String installation = Engine.installationOf(dir);

        try (ServerProcess second = ServerProcess.start(dir, port);
                EcsClient ecs = TestGantry.ecsClient(second.endpoint())) {
            Service done = awaitSteady(ecs, v2);
            String deployment = done.deployments().get(0).id();
            List<Task> running = tasks(ecs, DesiredStatus.RUNNING);
            assertThat(running).hasSize(3).allSatisfy(t -> {
                assertThat(t.taskDefinitionArn()).isEqualTo(v2);
                assertThat(t.startedBy()).isEqualTo(deployment);
                assertThat(t.lastStatus()).isEqualTo("RUNNING");
            });
            List<String> runningArns = running.stream().map(Task::taskArn).toList();
            assertThat(ecs.describeTasks(b -> b.tasks(runningArns).includeWithStrings("TAGS"))
                            .tasks())
                    .allSatisfy(t -> assertThat(t.tags())
                            .extracting(x -> x.key() + "=" + x.value())
                            .contains("team=blue", "aws:ecs:serviceName=api", "aws:ecs:clusterName=default"));
            // none of the new deployment's tasks was started twice and then scaled in
            assertThat(ecs.listTasks(b -> b.startedBy(deployment).desiredStatus(DesiredStatus.STOPPED))
                            .taskArns())
                    .isEmpty();
            // the last old task may still be stopping (its SIGTERM and stopTimeout); a duplicate would stay
            TestGantry.await(
                    () -> runningAppContainers(installation),
                    n -> n == 3,
                    Duration.ofSeconds(60),
                    "exactly 3 running app containers");
            ecs.deleteService(b -> b.service("api").force(true));
            TestGantry.await(
                    () -> describe(ecs).status(),
                    "INACTIVE"::equals,
                    Duration.ofSeconds(120),
                    "the service to become INACTIVE");
        }
    }

    private static String register(EcsClient ecs, String version) {
        return ecs.registerTaskDefinition(TaskDefs.fargate(
                                "svc-restart",
                                TaskDefs.container("web", "sh", "-c", "httpd -f -p 8080 -h /www")
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

    private static Service awaitSteady(EcsClient ecs, String taskDefinition) {
        return TestGantry.await(
                () -> describe(ecs),
                s -> s.deployments().size() == 1
                        && s.deployments().get(0).taskDefinition().equals(taskDefinition)
                        && s.deployments().get(0).rolloutStateAsString().equals("COMPLETED")
                        && s.runningCount() == 3
                        && s.events().stream()
                                .map(ServiceEvent::message)
                                .findFirst()
                                .orElse("")
                                .equals("(service api) has reached a steady state."),
                Duration.ofSeconds(240),
                "service api to be steady on " + taskDefinition);
    }

    private static Service describe(EcsClient ecs) {
        return ecs.describeServices(b -> b.services("api")).services().get(0);
    }

    private static List<Task> tasks(EcsClient ecs, DesiredStatus status) {
        List<String> arns =
                ecs.listTasks(b -> b.serviceName("api").desiredStatus(status)).taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(b -> b.tasks(arns)).tasks();
    }

    private static long runningAppContainers(String installation) {
        try (DockerClient docker = Engine.client()) {
            return docker
                    .listContainersCmd()
                    .withLabelFilter(Map.of(Names.LABEL_INSTALLATION, installation))
                    .exec()
                    .stream()
                    .filter(c -> c.getNames()[0].endsWith("-web"))
                    .count();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
