package dev.gantry.runtime.docker;

import static dev.gantry.runtime.docker.DriverFixtures.await;
import static dev.gantry.runtime.docker.DriverFixtures.random;
import static dev.gantry.runtime.docker.DriverFixtures.removeInstallation;
import static dev.gantry.runtime.docker.DriverFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.dockerjava.api.DockerClient;
import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warm sandbox pool against the real engine: concurrent claims, removal on close, adoption after a kill, orphans
 * of dead installations, a missing engine.
 */
class SandboxPoolIT {

    static final String INSTALLATION = "it" + random();
    static DockerDriver driver;

    @BeforeAll
    static void startDriver() {
        driver = new DockerDriver(DockerDriverConfig.defaults(INSTALLATION));
        driver.start();
    }

    @AfterAll
    static void removeEverything() {
        if (driver != null) {
            driver.close();
        }
        removeInstallation(INSTALLATION);
    }

    @Test
    void concurrentClaimsGetDistinctSandboxesAndTheSameTaskGetsOne() throws Exception {
        List<TaskRef> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(task());
        }
        List<Future<Sandbox>> claims = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (TaskRef t : tasks) {
                claims.add(threads.submit(() -> driver.claimSandbox(t, DriverFixtures.SIZE)));
                claims.add(threads.submit(() -> driver.claimSandbox(t, DriverFixtures.SIZE)));
            }
        }
        List<Sandbox> sandboxes = new ArrayList<>();
        for (var c : claims) {
            sandboxes.add(c.get());
        }
        for (int i = 0; i < tasks.size(); i++) {
            assertThat(sandboxes.get(2 * i).runtimeId())
                    .isEqualTo(sandboxes.get(2 * i + 1).runtimeId());
            assertThat(sandboxes.get(2 * i).ipv4Address()).isNotEmpty();
        }
        assertThat(sandboxes.stream().map(Sandbox::runtimeId).distinct()).hasSize(tasks.size());
        assertThat(sandboxes.stream().map(Sandbox::ipv4Address).distinct()).hasSize(tasks.size());
        tasks.forEach(t -> driver.removeSandbox(t.taskId()));
    }

    @Test
    void aBurstOfClaimsGrowsThePoolToTheBurstOnceClaimsAreQuiet() throws Exception {
        DockerDriverConfig config = DockerDriverConfig.defaults("it" + random()).withWarmSandboxes(1);
        try (DockerDriver d = new DockerDriver(config)) {
            d.start();
            List<TaskRef> burst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                burst.add(task());
            }
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                burst.forEach(t -> threads.execute(() -> d.claimSandbox(t, DriverFixtures.SIZE)));
            }
            await(
                    "five warm sandboxes for the next burst",
                    () -> d.listOwned().stream()
                                    .filter(SandboxPoolIT::runningPooled)
                                    .count()
                            == 5);
            burst.forEach(t -> d.removeSandbox(t.taskId()));
        } finally {
            removeInstallation(config.installationId());
        }
    }

    @Test
    void aGracefulCloseRemovesTheWarmSandboxes() {
        DockerDriverConfig config = DockerDriverConfig.defaults("it" + random()).withWarmSandboxes(2);
        try {
            try (DockerDriver d = new DockerDriver(config)) {
                d.start();
                await(
                        "two warm sandboxes",
                        () -> d.listOwned().stream()
                                        .filter(SandboxPoolIT::runningPooled)
                                        .count()
                                == 2);
            }
            try (DockerDriver look = new DockerDriver(config)) {
                assertThat(look.listOwned())
                        .as("nothing of the closed installation is left")
                        .isEmpty();
            }
        } finally {
            removeInstallation(config.installationId());
        }
    }

    @Test
    void aRestartedDriverAdoptsTheWarmSandboxesAKilledRunLeft() throws Exception {
        DockerDriverConfig config = DockerDriverConfig.defaults("it" + random()).withWarmSandboxes(1);
        try {
            String first = leftoverWarmSandbox(config, unprovableOwnerToken());
            String second = leftoverWarmSandbox(config, unprovableOwnerToken());
            try (DockerDriver restarted = new DockerDriver(config)) {
                restarted.start();
                TaskRef task = task();
                String claimed =
                        restarted.claimSandbox(task, DriverFixtures.SIZE).runtimeId();
                assertThat(claimed).as("an adopted leftover").isIn(first, second);
                String other = claimed.equals(first) ? second : first;
                await(
                        "the leftover beyond the pool's size removed",
                        () -> restarted.listOwned().stream()
                                .noneMatch(o -> o.runtimeId().equals(other)));
                restarted.removeSandbox(task.taskId());
            }
        } finally {
            removeInstallation(config.installationId());
        }
    }

    @Test
    void anotherInstallationRemovesOnlyWarmSandboxesWhoseGantryProcessIsGone() throws Exception {
        assumeThat(PoolOwner.current()).as("needs /proc").isPresent();
        DockerDriverConfig dead = DockerDriverConfig.defaults("it" + random());
        DockerDriverConfig live = DockerDriverConfig.defaults("it" + random());
        DockerDriverConfig unknown = DockerDriverConfig.defaults("it" + random());
        DockerDriverConfig other = DockerDriverConfig.defaults("it" + random()).withWarmSandboxes(0);
        try {
            String orphan = leftoverWarmSandbox(dead, deadOwnerToken());
            String ofALiveProcess =
                    leftoverWarmSandbox(live, PoolOwner.current().orElseThrow().token());
            String withoutOwner = leftoverWarmSandbox(unknown, "");
            try (DockerDriver d = new DockerDriver(other)) {
                d.start();
                d.pool().removeOrphans(); // also runs in the background on start; this call makes a full pass
                try (DockerDriver look = new DockerDriver(dead)) { // (the background pass may be the one removing it)
                    await(
                            "the orphan removed",
                            () -> look.listOwned().stream()
                                    .noneMatch(o -> o.runtimeId().equals(orphan)));
                }
                try (DockerDriver look = new DockerDriver(live)) {
                    assertThat(look.listOwned())
                            .extracting(OwnedObject::runtimeId)
                            .contains(ofALiveProcess);
                }
                try (DockerDriver look = new DockerDriver(unknown)) {
                    assertThat(look.listOwned())
                            .extracting(OwnedObject::runtimeId)
                            .contains(withoutOwner);
                }
            }
        } finally {
            removeInstallation(dead.installationId());
            removeInstallation(live.installationId());
            removeInstallation(unknown.installationId());
            removeInstallation(other.installationId());
        }
    }

    @Test
    void anOrphanRemovalLosesToAnOwnerThatRenamedTheSandboxAfterTheListing() throws Exception {
        assumeThat(PoolOwner.current()).as("needs /proc").isPresent();
        DockerDriverConfig owner = DockerDriverConfig.defaults("it" + random());
        try (DockerClient docker = DockerClients.connect().client()) {
            String claimedMeanwhile = leftoverWarmSandbox(owner, deadOwnerToken());
            String listedName =
                    docker.inspectContainerCmd(claimedMeanwhile).exec().getName();
            // the owner restarts and claims it for a task between another installation's listing and its removal
            String taskSandbox = Names.sandbox(task().taskId());
            docker.renameContainerCmd(claimedMeanwhile).withName(taskSandbox).exec();

            assertThat(driver.pool().removeIfStillNamed(owner.installationId(), claimedMeanwhile, listedName))
                    .isFalse();
            var still = docker.inspectContainerCmd(claimedMeanwhile).exec();
            assertThat(still.getName()).isEqualTo("/" + taskSandbox);
            assertThat(still.getState().getRunning())
                    .as("the task's sandbox kept running")
                    .isTrue();

            String orphan = leftoverWarmSandbox(owner, deadOwnerToken());
            String orphanName = docker.inspectContainerCmd(orphan).exec().getName();
            assertThat(driver.pool().removeIfStillNamed(owner.installationId(), orphan, orphanName))
                    .isTrue();
            try (DockerDriver look = new DockerDriver(owner)) {
                await(
                        "the orphan removed",
                        () -> look.listOwned().stream()
                                .noneMatch(o -> o.runtimeId().equals(orphan)));
            }
        } finally {
            removeInstallation(owner.installationId());
        }
    }

    @Test
    void aClaimTakesNoWarmSandboxThatAnotherInstallationTombstonedMeanwhile() throws Exception {
        DockerDriverConfig config = DockerDriverConfig.defaults("it" + random()).withWarmSandboxes(2);
        try (DockerClient docker = DockerClients.connect().client();
                DockerDriver d = new DockerDriver(config)) {
            d.start();
            await(
                    "the pool warm",
                    () -> d.listOwned().stream()
                                    .filter(SandboxPoolIT::runningPooled)
                                    .count()
                            >= 2);
            List<String> tombstoned = new ArrayList<>();
            for (OwnedObject o : d.listOwned()) {
                if (runningPooled(o)) {
                    String name =
                            docker.inspectContainerCmd(o.runtimeId()).exec().getName();
                    docker.renameContainerCmd(Names.strip(name))
                            .withName(Names.tombstone(config.installationId(), SandboxFactory.randomSuffix()))
                            .exec();
                    tombstoned.add(o.runtimeId());
                }
            }
            TaskRef task = task();
            Sandbox claimed = d.claimSandbox(task, DriverFixtures.SIZE);
            assertThat(claimed.runtimeId()).as("a new sandbox").isNotIn(tombstoned);
            for (String id : tombstoned) {
                assertThat(docker.inspectContainerCmd(id).exec().getName())
                        .as("the tombstone keeps its name")
                        .contains("-gone-");
            }
            d.removeSandbox(task.taskId());
        } finally {
            removeInstallation(config.installationId());
        }
    }

    /**
     * A started warm sandbox of {@code config}'s installation, as a Gantry killed with -9 leaves it. Made without
     * starting a driver of that installation (whose start would adopt or remove the earlier leftovers).
     */
    static String leftoverWarmSandbox(DockerDriverConfig config, String ownerToken) throws Exception {
        try (DockerClient docker = DockerClients.connect().client()) {
            TaskCgroups cgroups = TaskCgroups.detect(
                    docker.infoCmd().exec(), docker.versionCmd().exec());
            return new SandboxFactory(docker, config, cgroups)
                    .create(
                            Names.poolSandbox(
                                    config.installationId(),
                                    (ownerToken.isEmpty() ? "" : ownerToken + "-") + SandboxFactory.randomSuffix()),
                            Optional.empty());
        }
    }

    /** The owner of another machine or pid namespace: only its own installation may adopt or remove its sandboxes. */
    static String unprovableOwnerToken() {
        String here = PoolOwner.current().map(PoolOwner::host).orElse("");
        return new PoolOwner(here.equals("00000000") ? "00000001" : "00000000", 1, 1, PoolOwner.StartUnit.BOOT_TICKS)
                .token();
    }

    /** The owner token of a Gantry process on this machine that has exited. */
    static String deadOwnerToken() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        return new PoolOwner(
                        PoolOwner.current().map(PoolOwner::host).orElse("00000000"),
                        exited.pid(),
                        1,
                        PoolOwner.StartUnit.BOOT_TICKS)
                .token();
    }

    @Test
    void anUnreachableEngineIsANamedErrorTellingWhatToDo() {
        String previous = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix:///nonexistent/gantry-it.sock");
        try (DockerDriver down = new DockerDriver(DockerDriverConfig.defaults("it" + random()))) {
            assertThatThrownBy(down::start).isInstanceOfSatisfying(RuntimeError.class, e -> {
                assertThat(e.kind()).isEqualTo(RuntimeError.Kind.ENGINE_UNAVAILABLE);
                assertThat(e.getMessage()).contains("unix:///nonexistent/gantry-it.sock", "DOCKER_HOST");
            });
        } finally {
            if (previous == null) {
                System.clearProperty("DOCKER_HOST");
            } else {
                System.setProperty("DOCKER_HOST", previous);
            }
        }
    }

    static boolean runningPooled(OwnedObject o) {
        return o.kind() == OwnedObject.Kind.SANDBOX && o.taskId().isEmpty() && o.running();
    }
}
