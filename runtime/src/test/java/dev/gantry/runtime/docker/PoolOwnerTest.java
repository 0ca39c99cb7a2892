package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;

class PoolOwnerTest {

    @Test
    void theOwnerRoundTripsThroughAPoolSandboxName() {
        PoolOwner owner = new PoolOwner("0a1b2c3d", 4242, 1_790_000_000_123L);
        String name = "/" + Names.poolSandbox("inst1", owner.token() + "-" + "ff00aa");
        assertThat(Names.isPoolSandbox("inst1", name)).isTrue();
        assertThat(PoolOwner.ofPoolName("inst1", name)).contains(owner);
        assertThat(PoolOwner.ofPoolName("inst2", name)).isEmpty();
    }

    @Test
    void namesWithoutAnOwnerHaveNone() {
        assertThat(PoolOwner.ofPoolName("inst1", "/gantry-inst1-pool-ff00")).isEmpty();
        assertThat(PoolOwner.ofPoolName("inst1", "/gantry-abc-sandbox")).isEmpty();
        assertThat(PoolOwner.ofPoolName("inst1", "/gantry-inst1-pool-0a1b2c3d.x.y-ff"))
                .isEmpty();
    }

    @Test
    void onlyAnOwnerOfTheSameHostWhoseProcessIsGoneIsProvablyGone() throws Exception {
        assumeThat(PoolOwner.current()).as("needs /proc").isPresent();
        PoolOwner self = PoolOwner.current().orElseThrow();
        assertThat(self.provablyGoneFrom(self)).as("this process runs").isFalse();
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        PoolOwner dead = new PoolOwner(self.host(), exited.pid(), self.startMillis());
        assertThat(dead.provablyGoneFrom(self)).isTrue();
        PoolOwner reusedPid = new PoolOwner(self.host(), self.pid(), self.startMillis() - 1000);
        assertThat(reusedPid.provablyGoneFrom(self))
                .as("same pid, another start: not the owner")
                .isTrue();
        String otherHost = self.host().equals("00000000") ? "00000001" : "00000000";
        assertThat(new PoolOwner(otherHost, exited.pid(), 1).provablyGoneFrom(self))
                .as("another machine or pid namespace: cannot tell")
                .isFalse();
    }
}
