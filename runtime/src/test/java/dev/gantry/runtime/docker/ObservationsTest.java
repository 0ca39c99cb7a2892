package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.spi.ContainerObservation.State;
import dev.gantry.runtime.spi.Health;
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
}
