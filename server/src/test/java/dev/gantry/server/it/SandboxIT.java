package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.EFSAuthorizationConfig;
import software.amazon.awssdk.services.ecs.model.EFSTransitEncryption;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.HostVolumeProperties;
import software.amazon.awssdk.services.ecs.model.KernelCapabilities;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PidMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.Tmpfs;
import software.amazon.awssdk.services.ecs.model.Volume;
import software.amazon.awssdk.services.ecs.model.VolumeFrom;

/**
 * Hardening, volumes and gVisor through the AWS SDK: what RegisterTaskDefinition refuses, and what a container of a
 * task sees of its capabilities, privileges, init, tmpfs, volumes and kernel, read from its awslogs stream.
 */
class SandboxIT {
    private static final String CLUSTER = "sandbox";
    private static final String GROUP = "/it/sandbox";
    private static final String FS =
            "fs-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

    private static TestGantry g;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        g.ecs.createCluster(CreateClusterRequest.builder().clusterName(CLUSTER).build());
    }

    @AfterAll
    static void removePersistentVolumes() throws Exception {
        try (DockerClient docker = Engine.client()) {
            docker.listVolumesCmd()
                    .withFilter("label", List.of("gantry.file-system-id=" + FS))
                    .exec()
                    .getVolumes()
                    .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
        }
    }

    @Test
    void unsafeTaskDefinitionsAreRefusedWithWhatToChange() {
        refused(
                TaskDefs.fargate(
                        "unsafe",
                        TaskDefs.container("main", "true").privileged(true).build()),
                "Tasks using the Fargate launch type do not support privileged containers. Remove 'privileged'");
        refused(
                TaskDefs.fargate(
                        "unsafe",
                        TaskDefs.container("main", "true")
                                .linuxParameters(LinuxParameters.builder()
                                        .capabilities(KernelCapabilities.builder()
                                                .add("NET_ADMIN")
                                                .build())
                                        .build())
                                .build()),
                "only support adding the SYS_PTRACE kernel capability. Remove 'NET_ADMIN'");
        refused(
                TaskDefs.fargate(
                        "unsafe",
                        TaskDefs.container("main", "true")
                                .linuxParameters(LinuxParameters.builder()
                                        .sharedMemorySize(64)
                                        .build())
                                .build()),
                "do not support the 'sharedMemorySize' linux parameter");
        refused(
                TaskDefs.fargate("unsafe", TaskDefs.container("main", "true").build())
                        .volumes(Volume.builder()
                                .name("etc")
                                .host(HostVolumeProperties.builder()
                                        .sourcePath("/etc")
                                        .build())
                                .build()),
                "do not support host volumes with a 'sourcePath'");
        refused(
                TaskDefs.fargate("unsafe", TaskDefs.container("main", "true").build())
                        .pidMode(PidMode.HOST),
                "do not support pidMode 'host'");
        refused(
                TaskDefs.fargate("unsafe", TaskDefs.container("main", "true").build())
                        .ipcMode("task"),
                "do not support ipcMode");
    }

    @Test
    void aContainerIsConfinedAsOnFargate() {
        ContainerDefinition main = TaskDefs.container(
                        "main",
                        "sh",
                        "-c",
                        "grep -E '^(CapEff|NoNewPrivs)' /proc/self/status; cat /proc/1/comm; "
                                + "touch /rootfs-write 2>&1; echo tmp > /scratch/t && cat /scratch/t")
                .readonlyRootFilesystem(true)
                .linuxParameters(LinuxParameters.builder()
                        .initProcessEnabled(true)
                        .capabilities(
                                KernelCapabilities.builder().add("SYS_PTRACE").build())
                        .tmpfs(Tmpfs.builder().containerPath("/scratch").size(8).build())
                        .build())
                .logConfiguration(TaskDefs.awslogs(GROUP, "hard"))
                .build();
        g.ecs.registerTaskDefinition(TaskDefs.fargate("hardened", main)
                .ephemeralStorage(b -> b.sizeInGiB(30))
                .build());
        String arn = runAndAwaitStop(CLUSTER, "hardened");
        assertThat(g.describe(CLUSTER, arn).ephemeralStorage().sizeInGiB()).isEqualTo(30); // recorded, not enforced
        assertThat(lines("hard/main/" + id(arn), 5))
                .containsExactly(
                        "CapEff:\t00000000a80c25fb", // Fargate's fourteen and SYS_PTRACE
                        "NoNewPrivs:\t1",
                        "docker-init",
                        "touch: /rootfs-write: Read-only file system",
                        "tmp");
    }

    @Test
    void containersShareTaskVolumesAndVolumesFromAndAnEfsVolumeOutlivesTheTask() {
        EFSVolumeConfiguration efs = EFSVolumeConfiguration.builder()
                .fileSystemId(FS)
                .transitEncryption(EFSTransitEncryption.ENABLED)
                .authorizationConfig(EFSAuthorizationConfig.builder()
                        .accessPointId("fsap-0a1b2c")
                        .build())
                .build();
        ContainerDefinition writer = TaskDefs.container(
                        "writer",
                        "sh",
                        "-c",
                        "echo scratch > /data/f; cat /efs/kept 2>/dev/null || echo none; " + "echo kept > /efs/kept")
                .essential(false)
                .mountPoints(
                        MountPoint.builder()
                                .sourceVolume("data")
                                .containerPath("/data")
                                .build(),
                        MountPoint.builder()
                                .sourceVolume("shared")
                                .containerPath("/efs")
                                .build())
                .logConfiguration(TaskDefs.awslogs(GROUP, "vol"))
                .build();
        ContainerDefinition reader = TaskDefs.container(
                        "reader", "sh", "-c", "cat /data/f; cat /efs/kept; echo x > /data/g 2>&1")
                .dependsOn(ContainerDependency.builder()
                        .containerName("writer")
                        .condition(ContainerCondition.COMPLETE)
                        .build())
                .volumesFrom(VolumeFrom.builder()
                        .sourceContainer("writer")
                        .readOnly(true)
                        .build())
                .logConfiguration(TaskDefs.awslogs(GROUP, "vol"))
                .build();
        g.ecs.registerTaskDefinition(TaskDefs.fargate("volumes", writer, reader)
                .volumes(
                        Volume.builder().name("data").build(),
                        Volume.builder()
                                .name("shared")
                                .efsVolumeConfiguration(efs)
                                .build())
                .build());

        String first = runAndAwaitStop(CLUSTER, "volumes");
        assertThat(lines("vol/writer/" + id(first), 1)).containsExactly("none");
        assertThat(lines("vol/reader/" + id(first), 3)) // stdout and stderr: their order is the shipper's
                .containsExactlyInAnyOrder("scratch", "kept", "sh: can't create /data/g: Read-only file system");

        String second = runAndAwaitStop(CLUSTER, "volumes"); // a replacement task: the EFS data is still there
        assertThat(lines("vol/writer/" + id(second), 1)).containsExactly("kept");
    }

    @Test
    void aClusterTaggedForGvisorRunsItsTasksUnderRunsc() throws Exception {
        try (DockerClient docker = Engine.client()) {
            Assumptions.assumeTrue(
                    docker.infoCmd().exec().getRuntimes().containsKey("runsc"),
                    "the engine has no 'runsc' runtime: install Debian's runsc and register it in "
                            + "/etc/docker/daemon.json (.ci/run does both)");
        }
        g.ecs.createCluster(CreateClusterRequest.builder()
                .clusterName("gvisor")
                .tags(Tag.builder().key("gantry:runtime").value("runsc").build())
                .build());
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "gvisor",
                        TaskDefs.container("main", "sh", "-c", "dmesg | head -1")
                                .logConfiguration(TaskDefs.awslogs(GROUP, "gv"))
                                .build())
                .build());
        String arn = runAndAwaitStop("gvisor", "gvisor");
        assertThat(lines("gv/main/" + id(arn), 1).get(0)).contains("gVisor");
    }

    private static void refused(RegisterTaskDefinitionRequest.Builder request, String message) {
        assertThatThrownBy(() -> g.ecs.registerTaskDefinition(request.build()))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining(message);
    }

    private static String runAndAwaitStop(String cluster, String family) {
        String arn = g.ecs.runTask(b -> b.cluster(cluster)
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets("subnet-gantry")
                                        .build())
                                .build()))
                .tasks()
                .get(0)
                .taskArn();
        Task stopped = g.awaitStatus(cluster, arn, "STOPPED");
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        return arn;
    }

    private static String id(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static List<String> lines(String stream, int count) {
        return TestGantry.await(
                        () -> g.logs.getLogEvents(GetLogEventsRequest.builder()
                                        .logGroupName(GROUP)
                                        .logStreamName(stream)
                                        .startFromHead(true)
                                        .build())
                                .events(),
                        e -> e.size() >= count,
                        Duration.ofSeconds(30),
                        "log lines of " + stream)
                .stream()
                .map(OutputLogEvent::message)
                .toList();
    }
}
