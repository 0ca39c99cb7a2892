package dev.gantry.runtime.docker;

import static dev.gantry.runtime.docker.DriverFixtures.IMAGE;
import static dev.gantry.runtime.docker.DriverFixtures.SIZE;
import static dev.gantry.runtime.docker.DriverFixtures.await;
import static dev.gantry.runtime.docker.DriverFixtures.random;
import static dev.gantry.runtime.docker.DriverFixtures.removeInstallation;
import static dev.gantry.runtime.docker.DriverFixtures.spec;
import static dev.gantry.runtime.docker.DriverFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.Isolation;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.MountSpec;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the engine reports for Gantry's hardening, volumes and runtimes: capabilities and no-new-privileges as the
 * kernel shows them inside the container ({@code /proc/self/status}), init, the shared process namespace, tmpfs and a
 * read-only root, task and persistent volumes, and a container under gVisor in the sandbox's network namespace.
 */
class SandboxIsolationIT {

    static final String INSTALLATION = "it" + random();
    /** Docker's and Fargate's fourteen default capabilities, as the kernel prints CapEff. */
    static final String DEFAULT_CAP_EFF = "00000000a80425fb";

    static DockerDriver driver;
    static DockerClient docker;

    @BeforeAll
    static void startDriver() {
        driver = new DockerDriver(DockerDriverConfig.defaults(INSTALLATION).withWarmSandboxes(0));
        driver.start();
        driver.buildBusyboxImage(IMAGE, Path.of("/bin/busybox"), Map.of(), List.of(), false);
        docker = DockerClients.connect().client();
    }

    @AfterAll
    static void removeEverything() throws Exception {
        if (driver != null) {
            driver.close();
        }
        removeInstallation(INSTALLATION);
        docker.listVolumesCmd()
                .withFilter("label", List.of(Names.LABEL_INSTALLATION + "=" + INSTALLATION))
                .exec()
                .getVolumes()
                .forEach(v -> docker.removeVolumeCmd(v.getName()).exec());
        docker.close();
    }

    @Test
    void aContainerHoldsFargatesCapabilitiesAndCannotGainPrivileges() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = run(sandbox, spec(task, "main", "grep", "-E", "^(CapEff|CapBnd|NoNewPrivs)", "/proc/self/status"));
        assertThat(output(id)).contains("CapEff:\t" + DEFAULT_CAP_EFF, "CapBnd:\t" + DEFAULT_CAP_EFF, "NoNewPrivs:\t1");
        InspectContainerResponse inspect = docker.inspectContainerCmd(id).exec();
        assertThat(inspect.getHostConfig().getCapDrop()).containsExactly(Capability.ALL);
        assertThat(inspect.getHostConfig().getSecurityOpts()).containsExactly("no-new-privileges");
        cleanup(task, id);
    }

    @Test
    void droppedAndAddedCapabilitiesAreWhatTheKernelShows() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        Set<String> caps = new TreeSet<>(Isolation.DEFAULT_CAPABILITIES);
        caps.remove("NET_RAW"); // bit 13
        caps.add("SYS_PTRACE"); // bit 19
        ContainerSpec s = spec(task, "main", "grep", "^CapEff", "/proc/self/status")
                .withIsolation(new Isolation(caps, true, false, false, Optional.empty()), List.of());
        String id = run(sandbox, s);
        assertThat(output(id)).containsExactly("CapEff:\t00000000a80c05fb");
        cleanup(task, id);
    }

    @Test
    void initRunsAsPidOneAndPidModeTaskSharesTheSandboxesProcesses() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String init = run(
                sandbox,
                spec(task, "init", "cat", "/proc/1/comm")
                        .withIsolation(
                                new Isolation(Isolation.DEFAULT_CAPABILITIES, true, true, false, Optional.empty()),
                                List.of()));
        assertThat(output(init)).containsExactly("docker-init");
        String own = run(sandbox, spec(task, "own", "cat", "/proc/1/cmdline"));
        assertThat(String.join("", output(own))).doesNotContain("trap");
        String shared = run(
                sandbox,
                spec(task, "shared", "cat", "/proc/1/cmdline")
                        .withIsolation(
                                new Isolation(Isolation.DEFAULT_CAPABILITIES, true, false, true, Optional.empty()),
                                List.of()));
        assertThat(String.join("", output(shared))).contains("trap"); // the sandbox's idle loop is PID 1
        cleanup(task, init, own, shared);
    }

    @Test
    void aReadOnlyRootRefusesWritesWhileTmpfsTakesThem() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        ContainerSpec s = readOnlyRoot(spec(
                        task,
                        "ro",
                        "sh",
                        "-c",
                        "touch /x 2>&1; echo ok > /scratch/y && cat /scratch/y; grep ' /scratch ' /proc/mounts"))
                .withIsolation(
                        Isolation.hardened(), List.of(new MountSpec.Tmpfs("/scratch", 1 << 20, List.of("noexec"))));
        String id = run(sandbox, s);
        List<String> out = output(id);
        assertThat(out).anyMatch(l -> l.contains("Read-only file system"));
        assertThat(out).contains("ok");
        assertThat(out).anyMatch(l -> l.startsWith("tmpfs /scratch tmpfs") && l.contains("noexec"));
        cleanup(task, id);
    }

    @Test
    void containersOfATaskShareATaskVolumeWhichGoesWithTheTask() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String writer = run(
                sandbox,
                spec(task, "writer", "sh", "-c", "echo shared > /data/f")
                        .withIsolation(
                                Isolation.hardened(), List.of(new MountSpec.TaskVolume("data", "/data", false))));
        String reader = run(
                sandbox,
                spec(task, "reader", "sh", "-c", "cat /in/f; echo more > /in/g 2>&1")
                        .withIsolation(Isolation.hardened(), List.of(new MountSpec.TaskVolume("data", "/in", true))));
        List<String> out = output(reader);
        assertThat(out).contains("shared");
        assertThat(out).anyMatch(l -> l.contains("Read-only file system"));
        String volume = Names.taskVolume(task.taskId(), "data");
        assertThat(docker.inspectVolumeCmd(volume).exec().getLabels())
                .containsEntry(Names.LABEL_TASK_ID, task.taskId())
                .containsEntry(Names.LABEL_INSTALLATION, INSTALLATION);
        cleanup(task, writer, reader);
        assertThatThrownBy(() -> docker.inspectVolumeCmd(volume).exec()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPersistentVolumeOutlivesItsTaskAndIsSharedByPath() {
        String fs = "fs-" + random();
        TaskRef first = task();
        Sandbox one = driver.claimSandbox(first, SIZE);
        String writer = run(
                one,
                spec(first, "app", "sh", "-c", "echo kept > /mnt/efs/f")
                        .withIsolation(
                                Isolation.hardened(),
                                List.of(new MountSpec.PersistentVolume(fs, "/app", "/mnt/efs", false))));
        cleanup(first, writer);

        TaskRef second = task();
        Sandbox two = driver.claimSandbox(second, SIZE);
        String reader = run(
                two,
                spec(second, "app", "sh", "-c", "cat /a/f; ls /b | wc -l")
                        .withIsolation(
                                Isolation.hardened(),
                                List.of(
                                        new MountSpec.PersistentVolume(fs, "/app", "/a", true),
                                        new MountSpec.PersistentVolume(fs, "/other", "/b", false))));
        assertThat(output(reader)).containsExactly("kept", "0");
        cleanup(second, reader);
        assertThat(docker.inspectVolumeCmd(Names.persistentVolume(INSTALLATION, fs, "/app"))
                        .exec()
                        .getLabels())
                .containsEntry(Names.LABEL_FILE_SYSTEM_ID, fs)
                .containsEntry(Names.LABEL_VOLUME_PATH, "/app");
    }

    @Test
    void aMissingRuntimeIsRefusedWithWhatToDo() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        ContainerSpec s = spec(task, "main", "true")
                .withIsolation(Isolation.hardened().withRuntime(Optional.of("no-such-runtime")), List.of());
        assertThatThrownBy(() -> driver.createContainer(sandbox, s))
                .isInstanceOf(RuntimeError.class)
                .hasMessageContaining("the engine has no runtime 'no-such-runtime'")
                .hasMessageContaining("daemon.json");
        driver.removeSandbox(task.taskId());
    }

    @Test
    void underGvisorAContainerSharesTheSandboxesNetworkNamespace() {
        Assumptions.assumeTrue(
                driver.runtimes().contains("runsc"),
                "the engine has no 'runsc' runtime: install Debian's runsc and register it in /etc/docker/daemon.json "
                        + "(.ci/run does both)");
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String web = driver.createContainer(
                sandbox,
                spec(
                                task,
                                "web",
                                "sh",
                                "-c",
                                "mkdir -p /www && dmesg | head -1 > /www/index.html && httpd -f -p 8080 -h /www")
                        .withIsolation(Isolation.hardened().withRuntime(Optional.of("runsc")), List.of()));
        driver.startContainer(web);
        String client = run(
                sandbox,
                spec(
                        task,
                        "client",
                        "sh",
                        "-c",
                        "for i in $(seq 1 300); do wget -qO- http://127.0.0.1:8080/ && exit 0; sleep 0.2; done; exit 1"));
        assertThat(String.join("\n", output(client))).contains("gVisor");
        assertThat(docker.inspectContainerCmd(web).exec().getHostConfig().getRuntime())
                .isEqualTo("runsc");
        driver.stopContainer(web, java.time.Duration.ofSeconds(2));
        cleanup(task, web, client);
    }

    private static String run(Sandbox sandbox, ContainerSpec spec) {
        String id = driver.createContainer(sandbox, spec);
        driver.startContainer(id);
        await(
                spec.name() + " exited",
                () -> driver.inspect(id, spec.name()).exitCode().isPresent());
        return id;
    }

    private static List<String> output(String id) {
        List<LogLine> lines = new ArrayList<>();
        driver.followLogs(id, Optional.empty(), lines::add);
        return lines.stream().map(LogLine::message).toList();
    }

    private static void cleanup(TaskRef task, String... containers) {
        for (String c : containers) {
            driver.removeContainer(c);
        }
        driver.removeSandbox(task.taskId());
    }

    private static ContainerSpec readOnlyRoot(ContainerSpec s) {
        return new ContainerSpec(
                s.task(),
                s.name(),
                s.image(),
                s.entryPoint(),
                s.command(),
                s.environment(),
                s.workingDirectory(),
                s.user(),
                s.memoryBytes(),
                s.memoryReservationBytes(),
                s.nanoCpus(),
                s.cpuShares(),
                s.ulimits(),
                true,
                s.healthCheck(),
                s.labels(),
                s.tty(),
                s.openStdin(),
                s.stopTimeout());
    }
}
