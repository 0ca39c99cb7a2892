package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gantry.runtime.docker.PoolOwner.StartUnit;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PoolOwnerTest {

    private static final String HOST = "0a1b2c3d";
    private static final PoolOwner OBSERVER = new PoolOwner(HOST, 1, 1, StartUnit.BOOT_TICKS);

    /** A process table of fixed processes: pid -> (start ticks, start instant as a JVM derives it). */
    private record Table(Map<Long, Long> ticks, Map<Long, Instant> instants, boolean broken)
            implements PoolOwner.ProcessTable {
        @Override
        public OptionalLong startTicks(long pid) throws IOException {
            if (broken) {
                throw new IOException("permission denied");
            }
            return ticks.containsKey(pid) ? OptionalLong.of(ticks.get(pid)) : OptionalLong.empty();
        }

        @Override
        public Optional<Instant> startInstant(long pid) {
            return Optional.ofNullable(instants.get(pid));
        }

        @Override
        public boolean exists(long pid) {
            return ticks.containsKey(pid);
        }
    }

    @Test
    void theOwnerRoundTripsThroughAPoolSandboxName() {
        PoolOwner owner = new PoolOwner(HOST, 4242, 123_456_789L, StartUnit.BOOT_TICKS);
        String name = "/" + Names.poolSandbox("inst1", owner.token() + "-" + "ff00aa");
        assertThat(Names.isPoolSandbox("inst1", name)).isTrue();
        assertThat(PoolOwner.ofPoolName("inst1", name)).contains(owner);
        assertThat(PoolOwner.ofPoolName("inst2", name)).isEmpty();
    }

    @Test
    void aNameOfAnOlderVersionCarriesEpochMillis() {
        String legacy = "/gantry-inst1-pool-" + HOST + ".4242." + Long.toString(1_790_000_000_123L, 36) + "-ff00";
        assertThat(PoolOwner.ofPoolName("inst1", legacy))
                .contains(new PoolOwner(HOST, 4242, 1_790_000_000_123L, StartUnit.EPOCH_MILLIS));
    }

    @Test
    void namesWithoutAnOwnerHaveNone() {
        assertThat(PoolOwner.ofPoolName("inst1", "/gantry-inst1-pool-ff00")).isEmpty();
        assertThat(PoolOwner.ofPoolName("inst1", "/gantry-abc-sandbox")).isEmpty();
        assertThat(PoolOwner.ofPoolName("inst1", "/gantry-inst1-pool-0a1b2c3d.x.y-ff"))
                .isEmpty();
        assertThat(PoolOwner.ofPoolName("inst1", "/gantry-inst1-pool-0a1b2c3d.1_x-ff"))
                .isEmpty();
    }

    @Test
    void theStartTimeIsField22OfStatCountedFromTheLastParenthesis() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 6 0 0 20 0 30 0 987654 1000 200";
        assertThat(PoolOwner.startTicksOfStat(stat)).isEqualTo(987654L);
        assertThatThrownBy(() -> PoolOwner.startTicksOfStat("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOwnerWhoseStartTicksMatchIsAliveWhateverTheJvmDerivesAsItsStartInstant() {
        // the JVM-derived instant jitters; the kernel's ticks do not
        PoolOwner owner = new PoolOwner(HOST, 77, 5000, StartUnit.BOOT_TICKS);
        Table table = new Table(Map.of(77L, 5000L), Map.of(77L, Instant.ofEpochMilli(999)), false);
        assertThat(owner.provablyGoneFrom(OBSERVER, table)).isFalse();
    }

    @Test
    void anOwnerIsGoneWhenItsPidIsFreeOrReusedByAProcessStartedAtAnotherTick() {
        PoolOwner owner = new PoolOwner(HOST, 77, 5000, StartUnit.BOOT_TICKS);
        assertThat(owner.provablyGoneFrom(OBSERVER, new Table(Map.of(), Map.of(), false)))
                .isTrue();
        assertThat(owner.provablyGoneFrom(OBSERVER, new Table(Map.of(77L, 5001L), Map.of(), false)))
                .isTrue();
    }

    @Test
    void inDoubtTheOwnerIsNotGone() {
        PoolOwner owner = new PoolOwner(HOST, 77, 5000, StartUnit.BOOT_TICKS);
        assertThat(owner.provablyGoneFrom(OBSERVER, new Table(Map.of(), Map.of(), true)))
                .as("unreadable /proc")
                .isFalse();
        PoolOwner elsewhere = new PoolOwner("00000000", 77, 5000, StartUnit.BOOT_TICKS);
        assertThat(elsewhere.provablyGoneFrom(OBSERVER, new Table(Map.of(), Map.of(), false)))
                .as("another machine or pid namespace: cannot tell")
                .isFalse();
    }

    @Test
    void aLegacyOwnerIsComparedWithSecondsOfTolerance() {
        long millis = 1_790_000_000_000L;
        PoolOwner legacy = new PoolOwner(HOST, 77, millis, StartUnit.EPOCH_MILLIS);
        Table jittered = new Table(Map.of(77L, 1L), Map.of(77L, Instant.ofEpochMilli(millis + 1_000)), false);
        assertThat(legacy.provablyGoneFrom(OBSERVER, jittered))
                .as("a second of jitter")
                .isFalse();
        Table reused = new Table(Map.of(77L, 1L), Map.of(77L, Instant.ofEpochMilli(millis + 60_000)), false);
        assertThat(legacy.provablyGoneFrom(OBSERVER, reused)).isTrue();
        assertThat(legacy.provablyGoneFrom(OBSERVER, new Table(Map.of(), Map.of(), false)))
                .isTrue();
    }

    @Test
    void thisProcessIsAliveAndAnExitedOneIsGone() throws Exception {
        assumeThat(PoolOwner.current()).as("needs /proc").isPresent();
        PoolOwner self = PoolOwner.current().orElseThrow();
        assertThat(self.provablyGoneFrom(self)).as("this process runs").isFalse();
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        assertThat(new PoolOwner(self.host(), exited.pid(), self.start(), StartUnit.BOOT_TICKS).provablyGoneFrom(self))
                .isTrue();
        assertThat(new PoolOwner(self.host(), self.pid(), self.start() + 1, StartUnit.BOOT_TICKS)
                        .provablyGoneFrom(self))
                .as("same pid, another start: not the owner")
                .isTrue();
    }
}
