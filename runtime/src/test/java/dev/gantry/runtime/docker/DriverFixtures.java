package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Test data and polling for driver integration tests. */
final class DriverFixtures {

    static final String IMAGE = "gantry-test/busybox:1";
    static final Duration LIMIT = Duration.ofSeconds(60);
    /** A 0.5 vCPU / 256 MiB task. */
    static final TaskResources SIZE = new TaskResources(256L << 20, 500_000_000L);

    private DriverFixtures() {}

    /** Polls until true; the limit only guards against a hang, it is not a timing assertion. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    /**
     * Removes everything the installation left, in listOwned's order (containers before sandboxes), and checks
     * nothing is left.
     */
    static void removeInstallation(String installation) {
        try (DockerDriver reaper = new DockerDriver(DockerDriverConfig.defaults(installation))) {
            reaper.listOwned().forEach(o -> reaper.removeContainer(o.runtimeId())); // containers first
            assertThat(reaper.listOwned()).isEmpty();
        }
        try (var docker = DockerClients.connect().client()) {
            assertThat(docker.listNetworksCmd()
                            .withFilter("label", List.of(Names.LABEL_INSTALLATION + "=" + installation))
                            .exec())
                    .as("the installation's subnet networks were removed by the tests that made them")
                    .isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String random() {
        byte[] b = new byte[5];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static TaskRef task() {
        String id = random() + random();
        return new TaskRef(id, "arn:aws:ecs:us-east-1:000000000000:task/it/" + id, "it", "it-family", 1);
    }

    static ContainerSpec spec(TaskRef task, String name, String... command) {
        return new ContainerSpec(
                task,
                name,
                IMAGE,
                List.of(),
                List.of(command),
                Map.of("GANTRY_IT", "1"),
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0,
                0,
                List.of(),
                false,
                Optional.empty(),
                Map.of("it", "true"),
                false,
                false,
                Duration.ofSeconds(2));
    }

    static ContainerSpec withMemory(ContainerSpec s, long bytes) {
        return new ContainerSpec(
                s.task(),
                s.name(),
                s.image(),
                s.entryPoint(),
                s.command(),
                s.environment(),
                s.workingDirectory(),
                s.user(),
                bytes,
                0,
                s.nanoCpus(),
                s.cpuShares(),
                s.ulimits(),
                s.readonlyRootFilesystem(),
                s.healthCheck(),
                s.labels(),
                s.tty(),
                s.openStdin(),
                s.stopTimeout());
    }
}
