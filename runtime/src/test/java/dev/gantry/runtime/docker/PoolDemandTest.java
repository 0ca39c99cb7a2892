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

    private static final long MS = 1_000_000L;
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final Duration MAX_DEFER = Duration.ofSeconds(2);

    @Test
    void aRefillWaitsForQuietClaims() {
        long deferred = 100 * S;
        assertThat(PoolDemand.refillDelayNanos(deferred, deferred, deferred, false, QUIET, MAX_DEFER))
                .isEqualTo(500 * MS);
        assertThat(PoolDemand.refillDelayNanos(deferred + 600 * MS, deferred, deferred, false, QUIET, MAX_DEFER))
                .isZero();
    }

    @Test
    void underSteadyLoadARefillHappensAtMostMaxDeferAfterItWasDeferred() {
        long deferred = 100 * S;
        long refilledAt = -1;
        for (long now = deferred; now <= deferred + 10 * S; now += 10 * MS) {
            long lastClaim = deferred + ((now - deferred) / (300 * MS)) * (300 * MS); // a claim every 300 ms
            if (PoolDemand.refillDelayNanos(now, lastClaim, deferred, false, QUIET, MAX_DEFER) == 0) {
                refilledAt = now;
                break;
            }
        }
        assertThat(refilledAt).as("claims never quiet: the cap decides").isEqualTo(deferred + 2 * S);
    }

    @Test
    void anEmptyPoolRefillsAtOnce() {
        long now = 100 * S;
        assertThat(PoolDemand.refillDelayNanos(now, now, now, true, QUIET, MAX_DEFER))
                .isZero();
    }
}
