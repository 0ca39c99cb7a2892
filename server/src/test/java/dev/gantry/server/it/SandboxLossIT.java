package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;

/** A task whose sandbox is killed outside Gantry loses its network: it stops on the sandbox's exit event. */
class SandboxLossIT {
    private static final String CLUSTER = "sandbox-loss";
    /**
     * Well below the 30 s re-check a running task makes when no event arrives (the sandbox is killed right after the
     * task became RUNNING, so the re-check cannot come first): only the sandbox's exit event can stop the task in
     * time. Generous otherwise: the shutdown itself takes the container's stopTimeout (2 s).
     */
    private static final Duration BEFORE_THE_RECHECK = Duration.ofSeconds(15);

    private static TestGantry g;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        g.ecs.createCluster(CreateClusterRequest.builder().clusterName(CLUSTER).build());
    }

    @Test
    void killingATasksSandboxStopsTheTaskAtOnceWithTheNetworkGoneReason() throws IOException {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "sandbox-loss",
                        TaskDefs.container("main", "sleep", "300")
                                .stopTimeout(2)
                                .build())
                .build());
        String arn = g.ecs.runTask(b -> b.cluster(CLUSTER)
                        .taskDefinition("sandbox-loss")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets("subnet-gantry")
                                        .build())
                                .build()))
                .tasks()
                .get(0)
                .taskArn();
        g.awaitStatus(CLUSTER, arn, "RUNNING");
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);

        try (DockerClient docker = Engine.client()) {
            docker.killContainerCmd("gantry-" + taskId + "-sandbox").exec();
        }

        Task stopped = g.awaitTask(CLUSTER, arn, t -> t.lastStatus().equals("STOPPED"), BEFORE_THE_RECHECK);
        assertThat(stopped.stopCodeAsString()).isEqualTo("InfrastructureHealth");
        assertThat(stopped.stoppedReason()).contains("sandbox");
        assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
    }
}
