package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.ContainerObservation.State;
import dev.gantry.runtime.spi.Health;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    @Test
    void statesMap() {
        assertThat(Observations.state("created")).isEqualTo(State.CREATED);
        assertThat(Observations.state("running")).isEqualTo(State.RUNNING);
        assertThat(Observations.state("paused")).isEqualTo(State.RUNNING);
        assertThat(Observations.state("restarting")).isEqualTo(State.RUNNING);
        assertThat(Observations.state("exited")).isEqualTo(State.EXITED);
        assertThat(Observations.state("dead")).isEqualTo(State.EXITED);
        assertThat(Observations.state(null)).isEqualTo(State.MISSING);
    }

    @Test
    void healthMaps() {
        assertThat(Observations.health("healthy")).contains(Health.HEALTHY);
        assertThat(Observations.health(" unhealthy")).contains(Health.UNHEALTHY);
        assertThat(Observations.health("starting")).contains(Health.STARTING);
        assertThat(Observations.health("none")).contains(Health.NONE);
        assertThat(Observations.health("odd")).isEmpty();
    }

    @Test
    void onlyAFreshSigkillExitWithoutTheFlagMayStillTurnOutOomKilled() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        assertThat(Observations.mayStillBeOomKilled(exited(137, false, now.minusSeconds(1)), now))
                .isTrue();
        assertThat(Observations.mayStillBeOomKilled(exited(137, true, now.minusSeconds(1)), now))
                .isFalse();
        assertThat(Observations.mayStillBeOomKilled(exited(143, false, now.minusSeconds(1)), now))
                .isFalse();
        assertThat(Observations.mayStillBeOomKilled(exited(137, false, now.minusSeconds(60)), now))
                .isFalse();
    }

    @Test
    void anOomEventTurnsTheObservationOomKilledAndKeepsTheRest() {
        ContainerObservation plain = exited(137, false, Instant.parse("2026-11-29T10:00:00Z"));
        ContainerObservation oom = Observations.oomKilled(plain);
        assertThat(oom.oomKilled()).isTrue();
        assertThat(oom).isEqualTo(exited(137, true, Instant.parse("2026-11-29T10:00:00Z")));
    }

    @Test
    void theEventsQueryTakesFractionalSeconds() {
        assertThat(EngineOomEvents.timestamp(Instant.parse("2026-11-29T10:00:00.000000042Z")))
                .isEqualTo("1795946400.000000042");
    }

    private static ContainerObservation exited(int code, boolean oom, Instant finishedAt) {
        return new ContainerObservation(
                "id",
                "main",
                State.EXITED,
                Optional.of(code),
                oom,
                Health.NONE,
                Optional.empty(),
                Optional.of(finishedAt.minusSeconds(5)),
                Optional.of(finishedAt),
                Optional.empty());
    }
}
