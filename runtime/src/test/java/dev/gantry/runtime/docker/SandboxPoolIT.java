package dev.gantry.runtime.docker;

import static dev.gantry.runtime.docker.DriverFixtures.await;
import static dev.gantry.runtime.docker.DriverFixtures.random;
import static dev.gantry.runtime.docker.DriverFixtures.removeInstallation;
import static dev.gantry.runtime.docker.DriverFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The warm sandbox pool against the real engine: concurrent claims, adoption after a restart, a missing engine. */
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
            assertThat(sandboxes.get(2 * i).runtimeId()).isEqualTo(sandboxes.get(2 * i + 1).runtimeId());
            assertThat(sandboxes.get(2 * i).ipv4Address()).isNotEmpty();
        }
        assertThat(sandboxes.stream().map(Sandbox::runtimeId).distinct()).hasSize(tasks.size());
        assertThat(sandboxes.stream().map(Sandbox::ipv4Address).distinct()).hasSize(tasks.size());
        tasks.forEach(t -> driver.removeSandbox(t.taskId()));
    }

    @Test
    void aRestartedDriverAdoptsItsWarmSandboxes() throws Exception {
        DockerDriverConfig config = DockerDriverConfig.defaults("it" + random()).withWarmSandboxes(1);
        try {
            List<String> warm;
            try (DockerDriver first = new DockerDriver(config)) {
                first.start();
                await("one warm sandbox", () -> first.listOwned().stream().anyMatch(SandboxPoolIT::runningPooled));
                warm = first.listOwned().stream().map(OwnedObject::runtimeId).toList();
            }
            try (DockerDriver second = new DockerDriver(config)) {
                second.start();
                TaskRef task = task();
                assertThat(second.claimSandbox(task, DriverFixtures.SIZE).runtimeId()).isEqualTo(warm.getFirst());
                second.removeSandbox(task.taskId());
            }
            try (DockerDriver third = new DockerDriver(config.withWarmSandboxes(0))) {
                third.start();
                await("leftover pool removed", () -> third.listOwned().isEmpty());
            }
        } finally {
            removeInstallation(config.installationId());
        }
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
