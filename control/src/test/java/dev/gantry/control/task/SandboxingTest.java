package dev.gantry.control.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.EfsVolumeConfiguration;
import dev.gantry.core.taskdef.KernelCapabilities;
import dev.gantry.core.taskdef.LinuxParameters;
import dev.gantry.core.taskdef.MountPoint;
import dev.gantry.core.taskdef.Tmpfs;
import dev.gantry.core.taskdef.Volume;
import dev.gantry.core.taskdef.VolumeFrom;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.core.testing.TaskDefs.Task;
import dev.gantry.runtime.spi.Isolation;
import dev.gantry.runtime.spi.MountSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxingTest {

    private static TaskSpec spec(Task t) {
        return new TaskSpec(
                "arn:aws:ecs:us-east-1:000000000000:task/default/abc",
                "abc",
                "arn:aws:ecs:us-east-1:000000000000:cluster/default",
                "default",
                t.build(),
                "256",
                "512",
                "family:app",
                Optional.empty(),
                "FARGATE",
                "1.4.0",
                Map.of(),
                List.of(),
                Instant.EPOCH);
    }

    private static LinuxParameters caps(List<String> add, List<String> drop) {
        return new LinuxParameters(new KernelCapabilities(add, drop), null, null, null, null, null, null);
    }

    @Test
    void byDefaultFargatesCapabilitiesNoNewPrivilegesAndOwnPidNamespace() {
        TaskSpec task = spec(TaskDefs.task());
        Isolation iso = Sandboxing.isolation(task, task.containers().get(0), Optional.empty());
        assertThat(iso.capabilities()).containsExactlyInAnyOrderElementsOf(Isolation.DEFAULT_CAPABILITIES);
        assertThat(iso.noNewPrivileges()).isTrue();
        assertThat(iso.init()).isFalse();
        assertThat(iso.sharePidWithSandbox()).isFalse();
        assertThat(iso.runtime()).isEmpty();
    }

    @Test
    void dropThenAddInitPidModeTaskAndRuntime() {
        Task t = TaskDefs.task();
        t.pidMode = "task";
        t.container(0).linuxParameters = new LinuxParameters(
                new KernelCapabilities(List.of("SYS_PTRACE"), List.of("NET_RAW", "MKNOD")),
                null,
                true,
                null,
                null,
                null,
                null);
        TaskSpec task = spec(t);
        Isolation iso = Sandboxing.isolation(task, task.containers().get(0), Optional.of("runsc"));
        assertThat(iso.capabilities()).contains("SYS_PTRACE", "CHOWN").doesNotContain("NET_RAW", "MKNOD");
        assertThat(iso.capabilities()).hasSize(13);
        assertThat(iso.init()).isTrue();
        assertThat(iso.sharePidWithSandbox()).isTrue();
        assertThat(iso.runtime()).contains("runsc");
    }

    @Test
    void dropAllLeavesOnlyWhatIsAdded() {
        Task t = TaskDefs.task();
        t.container(0).linuxParameters = caps(List.of("SYS_PTRACE"), List.of("ALL"));
        TaskSpec task = spec(t);
        assertThat(Sandboxing.isolation(task, task.containers().get(0), Optional.empty())
                        .capabilities())
                .containsExactly("SYS_PTRACE");
    }

    @Test
    void mountsResolveVolumesFromTransitivelyWithReadOnlyAndOwnMountsFirst() {
        Task t = TaskDefs.task();
        t.volumes = List.of(
                new Volume("scratch", null, null, null, null),
                new Volume("shared", null, null, new EfsVolumeConfiguration("fs-1", "/app/", null, null, null), null),
                new Volume(
                        "ap",
                        null,
                        null,
                        new EfsVolumeConfiguration("fs-1", null, "ENABLED", null, Map.of("accessPointId", "fsap-9")),
                        null));
        t.container(0).mountPoints =
                List.of(new MountPoint("scratch", "/scratch", null), new MountPoint("shared", "/data", true));
        t.add("middle").volumesFrom = List.of(new VolumeFrom("web", null));
        t.container(1).mountPoints = List.of(new MountPoint("ap", "/ap", null));
        Task withLast = t;
        withLast.add("last").volumesFrom = List.of(new VolumeFrom("middle", true));
        withLast.container(2).mountPoints = List.of(new MountPoint("scratch", "/ap", null));
        withLast.container(2).linuxParameters = new LinuxParameters(
                null, null, null, null, List.of(new Tmpfs("/tmp", 8, List.of("noexec"))), null, null);
        TaskSpec task = spec(withLast);

        assertThat(Sandboxing.mounts(task, task.containers().get(1)))
                .containsExactly(
                        new MountSpec.PersistentVolume("fs-1", "/.access-points/fsap-9", "/ap", false),
                        new MountSpec.TaskVolume("scratch", "/scratch", false),
                        new MountSpec.PersistentVolume("fs-1", "/app", "/data", true));
        // "last" mounts /ap itself, so the inherited /ap is not mounted
        assertThat(Sandboxing.mounts(task, task.containers().get(2)))
                .containsExactly(
                        new MountSpec.TaskVolume("scratch", "/ap", false),
                        new MountSpec.TaskVolume("scratch", "/scratch", true),
                        new MountSpec.PersistentVolume("fs-1", "/app", "/data", true),
                        new MountSpec.Tmpfs("/tmp", 8L << 20, List.of("noexec")));
    }

    @Test
    void platformMountsComeAfterTheDefinitionsAndNeverReplaceOne() {
        Task t = TaskDefs.task();
        t.volumes = List.of(new Volume("scratch", null, null, null, null));
        t.container(0).mountPoints = List.of(new MountPoint("scratch", "/etc/hosts", null));
        TaskSpec task = spec(t);
        MountSpec resolv = new MountSpec.HostFile("/data/dns/resolv.conf", "/etc/resolv.conf", true);
        MountSpec hosts = new MountSpec.HostFile("/data/hosts", "/etc/hosts", true);
        ContainerEnvironment platform = new ContainerEnvironment() {
            @Override
            public List<MountSpec> mounts(TaskSpec task, dev.gantry.core.taskdef.ContainerDefinition c) {
                return List.of(resolv, hosts);
            }
        };
        assertThat(ContainerSpecs.mounts(
                        task, task.containers().get(0), ContainerEnvironment.both(ContainerEnvironment.NONE, platform)))
                .containsExactly(new MountSpec.TaskVolume("scratch", "/etc/hosts", false), resolv);
    }
}
