package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HostConfig;
import dev.gantry.runtime.spi.TaskResources;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskCgroupsTest {
    private static final TaskResources QUARTER = new TaskResources(512L << 20, 250_000_000L);
    private static final TaskResources LARGEST = new TaskResources(120L << 30, 16_000_000_000L);
    private static final TaskCgroups NESTED = new TaskCgroups(true);
    private static final TaskCgroups FLAT = new TaskCgroups(false);

    @Test
    void quotaIsTheTasksVcpusPerHundredMilliseconds() {
        assertThat(TaskCgroups.quota(QUARTER)).isEqualTo(25_000);
        assertThat(TaskCgroups.quota(LARGEST)).isEqualTo(1_600_000);
        assertThat(TaskCgroups.quota(new TaskResources(1, 1))).isEqualTo(1_000); // the kernel's minimum
    }

    @Test
    void newSandboxesGoInGantrysSubtreeAtTheSizeLastClaimed() {
        HostConfig sized = NESTED.sandboxHostConfig(HostConfig.newHostConfig(), Optional.of(QUARTER));
        assertThat(sized.getCgroupParent()).isEqualTo("/gantry");
        assertThat(TaskCgroups.hasSize(sized, QUARTER)).isTrue();
        assertThat(TaskCgroups.hasSize(sized, LARGEST)).isFalse();

        HostConfig unsized = NESTED.sandboxHostConfig(HostConfig.newHostConfig(), Optional.empty());
        assertThat(unsized.getCgroupParent()).isEqualTo("/gantry");
        assertThat(unsized.getMemory()).isNull();
        assertThat(TaskCgroups.hasSize(unsized, QUARTER)).isFalse();

        HostConfig flat = FLAT.sandboxHostConfig(HostConfig.newHostConfig(), Optional.of(QUARTER));
        assertThat(flat.getCgroupParent()).isNull();
        assertThat(flat.getMemory()).isNull();
    }

    @Test
    void swapIsIgnoredWhereTheEngineDoesNotAccountForIt() {
        HostConfig noSwapAccounting = NESTED.sandboxHostConfig(HostConfig.newHostConfig(), Optional.of(QUARTER))
                .withMemorySwap(-1L);
        assertThat(TaskCgroups.hasSize(noSwapAccounting, QUARTER)).isTrue();
        assertThat(TaskCgroups.hasSize(noSwapAccounting.withMemorySwap(1L << 40), QUARTER))
                .isFalse();
    }

    @Test
    void onlySandboxesInGantrysSubtreeGiveTheTaskACgroup() {
        HostConfig ours = HostConfig.newHostConfig().withCgroupParent("/gantry");
        assertThat(NESTED.taskCgroup("abc", ours)).contains("/gantry/abc");
        assertThat(NESTED.taskCgroup("abc", HostConfig.newHostConfig())).isEmpty(); // made by an older Gantry
        assertThat(NESTED.taskCgroup("abc", HostConfig.newHostConfig().withCgroupParent("/docker")))
                .isEmpty();
        assertThat(FLAT.taskCgroup("abc", ours)).isEmpty();
    }
}
