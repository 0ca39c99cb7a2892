package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolDemandTest {
    private static final long S = 1_000_000_000L;

    private static PoolDemand demand(int configured, int cap) {
        return new PoolDemand(configured, cap, Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    @Test
    void withoutClaimsTheTargetIsTheConfiguredSize() {
        assertThat(demand(2, 64).target(5 * S)).isEqualTo(2);
    }

    @Test
    void aBurstRaisesTheTargetToItsSizeUpToTheCap() {
        PoolDemand d = demand(2, 64);
        for (int i = 0; i < 40; i++) {
            d.claimed(100 * S + i * 10_000_000L);
        }
        assertThat(d.target(101 * S)).isEqualTo(40);
        PoolDemand capped = demand(2, 16);
        for (int i = 0; i < 40; i++) {
            capped.claimed(100 * S);
        }
        assertThat(capped.target(101 * S)).isEqualTo(16);
    }

    @Test
    void aBurstAcrossABucketBoundaryCountsWhole() {
        PoolDemand d = demand(2, 64);
        for (int i = 0; i < 10; i++) {
            d.claimed(109 * S);
            d.claimed(111 * S);
        }
        assertThat(d.target(112 * S)).isEqualTo(20);
    }

    @Test
    void claimsSpreadOutDoNotAddUp() {
        PoolDemand d = demand(2, 64);
        for (int i = 0; i < 30; i++) {
            d.claimed(i * 60 * S); // one a minute
        }
        assertThat(d.target(30 * 60 * S)).isEqualTo(2);
    }

    @Test
    void theTargetFallsBackWhenTheBurstIsForgotten() {
        PoolDemand d = demand(2, 64);
        for (int i = 0; i < 40; i++) {
            d.claimed(100 * S);
        }
        assertThat(d.target(100 * S + 9 * 60 * S)).isEqualTo(40);
        assertThat(d.target(100 * S + 11 * 60 * S)).isEqualTo(2);
    }

    @Test
    void aDisabledPoolNeverGrows() {
        PoolDemand d = demand(0, 0);
        d.claimed(S);
        assertThat(d.target(S)).isZero();
    }
}
