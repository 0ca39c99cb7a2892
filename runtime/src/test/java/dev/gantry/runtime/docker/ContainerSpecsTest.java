package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.MountType;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.HealthSpec;
import dev.gantry.runtime.spi.Isolation;
import dev.gantry.runtime.spi.MountSpec;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.UlimitSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerSpecsTest {

    private static final TaskRef TASK =
            new TaskRef("t1", "arn:aws:ecs:us-east-1:000000000000:task/c/t1", "c", "fam", 7);
    private static final Sandbox SANDBOX =
            new Sandbox("sbx", "10.0.0.2", "02:42:ac:11:00:02", "gantry", "10.0.0.0/24", "10.0.0.1", Optional.empty());

    private static ContainerSpec spec(long memory) {
        return new ContainerSpec(
                TASK,
                "web",
                "img:1",
                List.of(),
                List.of("a"),
                Map.of("B", "2", "A", "1"),
                Optional.empty(),
                Optional.empty(),
                memory,
                8L << 20,
                500_000_000L,
                256,
                List.of(new UlimitSpec("nofile", 100, 200)),
                true,
                Optional.of(new HealthSpec(
                        List.of("CMD-SHELL", "exit 0"),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        Duration.ofMillis(1500),
                        3)),
                Map.of("user", "x", Names.LABEL_TASK_ID, "spoofed"),
                false,
                false,
                Duration.ofMillis(2500));
    }

    @Test
    void hostConfigJoinsTheSandboxWithLimitsAndNoSwap() {
        HostConfig h = ContainerSpecs.hostConfig("inst", SANDBOX, spec(16L << 20), Long.MAX_VALUE);
        assertThat(h.getNetworkMode()).isEqualTo("container:sbx");
        assertThat(h.getMemory()).isEqualTo(16L << 20);
        assertThat(h.getMemorySwap()).isEqualTo(16L << 20);
        assertThat(h.getMemoryReservation()).isEqualTo(8L << 20);
        assertThat(h.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(h.getCpuShares()).isEqualTo(256);
        assertThat(h.getReadonlyRootfs()).isTrue();
        assertThat(h.getUlimits()).hasSize(1);
        assertThat(h.getLogConfig().getType()).isEqualTo(LogConfig.LoggingType.JSON_FILE);
        assertThat(h.getLogConfig().getConfig()).containsEntry("max-size", "10m");
        assertThat(h.getCgroupParent())
                .as("no task cgroup: the engine's default")
                .isNull();
    }

    @Test
    void aTaskWithACgroupOfItsOwnHasItsContainersCreatedUnderIt() {
        Sandbox nested = new Sandbox(
                "sbx",
                "10.0.0.2",
                "02:42:ac:11:00:02",
                "gantry",
                "10.0.0.0/24",
                "10.0.0.1",
                Optional.of("/gantry/sbx"));
        assertThat(ContainerSpecs.hostConfig("inst", nested, spec(0), Long.MAX_VALUE)
                        .getCgroupParent())
                .isEqualTo("/gantry/sbx");
    }

    @Test
    void theCpuCapIsAtMostTheHostsCpus() {
        assertThat(ContainerSpecs.hostConfig("inst", SANDBOX, spec(0), 250_000_000L)
                        .getNanoCPUs())
                .isEqualTo(250_000_000L);
    }

    @Test
    void noMemoryLimitMeansNoneSet() {
        assertThat(ContainerSpecs.hostConfig("inst", SANDBOX, spec(0), Long.MAX_VALUE)
                        .getMemory())
                .isNull();
    }

    @Test
    void labelsCarryTaskAndEcsKeysAndGantrysWin() {
        Map<String, String> labels = ContainerSpecs.labels("inst", spec(0));
        assertThat(labels)
                .containsEntry("user", "x")
                .containsEntry(Names.LABEL_INSTALLATION, "inst")
                .containsEntry(Names.LABEL_ROLE, Names.ROLE_CONTAINER)
                .containsEntry(Names.LABEL_TASK_ID, "t1")
                .containsEntry(Names.LABEL_CONTAINER_NAME, "web")
                .containsEntry(Names.ECS_CLUSTER, "c")
                .containsEntry(Names.ECS_TASK_ARN, TASK.taskArn())
                .containsEntry(Names.ECS_CONTAINER_NAME, "web")
                .containsEntry(Names.ECS_FAMILY, "fam")
                .containsEntry(Names.ECS_VERSION, "7");
    }

    @Test
    void healthCheckInNanosLeavingZeroToTheEngine() {
        HealthCheck h = ContainerSpecs.healthCheck(spec(0).healthCheck().orElseThrow());
        assertThat(h.getTest()).containsExactly("CMD-SHELL", "exit 0");
        assertThat(h.getInterval()).isEqualTo(1_000_000_000L);
        assertThat(h.getTimeout()).isNull();
        assertThat(h.getStartPeriod()).isEqualTo(1_500_000_000L);
        assertThat(h.getRetries()).isEqualTo(3);
    }

    @Test
    void aPlatformHostFileIsAReadOnlyBindMount() {
        ContainerSpec withFile = spec(0).withIsolation(
                        Isolation.hardened(),
                        List.of(new MountSpec.HostFile("/data/dns/resolv.conf", "/etc/resolv.conf", true)));
        HostConfig h = ContainerSpecs.hostConfig("inst", SANDBOX, withFile, Long.MAX_VALUE);
        assertThat(h.getMounts()).singleElement().satisfies(m -> {
            assertThat(m.getType()).isEqualTo(MountType.BIND);
            assertThat(m.getSource()).isEqualTo("/data/dns/resolv.conf");
            assertThat(m.getTarget()).isEqualTo("/etc/resolv.conf");
            assertThat(m.getReadOnly()).isTrue();
        });
    }

    @Test
    void envIsSortedAndStopTimeoutRoundsUp() {
        assertThat(ContainerSpecs.env(Map.of("B", "2", "A", "1"))).containsExactly("A=1", "B=2");
        assertThat(ContainerSpecs.seconds(Duration.ofMillis(2500))).isEqualTo(3);
        assertThat(ContainerSpecs.seconds(Duration.ofSeconds(30))).isEqualTo(30);
        assertThat(ContainerSpecs.seconds(Duration.ZERO)).isZero();
    }
}
