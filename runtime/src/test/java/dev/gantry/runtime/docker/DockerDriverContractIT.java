package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.HealthSpec;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.runtime.spi.TaskDriverContract;
import dev.gantry.runtime.spi.TaskRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Docker driver against the real engine, held to the contract the fake driver is held to. */
class DockerDriverContractIT extends TaskDriverContract {

    private static final String IMAGE = "gantry-test/contract:1";
    private final String installation = "ct" + random();

    @Override
    protected TaskDriver createDriver() {
        DockerDriver driver = new DockerDriver(DockerDriverConfig.defaults(installation));
        driver.start();
        driver.buildBusyboxImage(
                IMAGE,
                Path.of(System.getenv().getOrDefault("GANTRY_BUSYBOX", "/bin/busybox")),
                Map.of(),
                List.of(),
                false);
        return driver;
    }

    @Override
    protected void destroyDriver(TaskDriver driver) {
        driver.close();
        DriverFixtures.removeInstallation(installation);
    }

    @Override
    protected String localImage() {
        return IMAGE;
    }

    @Override
    protected String unpullableImage() {
        return "gantry-does-not-exist.invalid/none:1";
    }

    @Override
    protected void killOutsideGantry(Sandbox sandbox) {
        try (DockerClient docker = DockerClients.connect().client()) {
            docker.killContainerCmd(sandbox.runtimeId()).exec();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected ContainerSpec container(TaskRef task, String name, Behaviour behaviour) {
        return switch (behaviour) {
            case Behaviour.RunsUntilStopped r -> sh(task, name, "trap 'exit 143' TERM; sleep 600 & wait");
            case Behaviour.IgnoresSigterm i -> sh(task, name, "trap '' TERM; while :; do sleep 1; done");
            case Behaviour.ExitsWith e -> sh(task, name, "exit " + e.code());
            case Behaviour.Prints p ->
                sh(
                        task,
                        name,
                        p.lines().stream()
                                .map(l -> "echo '" + l.message() + "'" + (l.stderr() ? " >&2" : ""))
                                .collect(Collectors.joining("; ")));
            case Behaviour.Healthy h ->
                sh(task, name, "sleep 600")
                        .withHealthCheck(new HealthSpec(
                                List.of("CMD-SHELL", "exit 0"),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(5),
                                Duration.ZERO,
                                3));
        };
    }

    private static ContainerSpec sh(TaskRef task, String name, String script) {
        return spec(task, name, IMAGE, List.of("sh", "-c", script));
    }
}
