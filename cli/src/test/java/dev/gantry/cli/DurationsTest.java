package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void compactUsesTwoUnitsAtMost() {
        assertThat(Durations.compact(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Durations.compact(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(Durations.compact(Duration.ofMinutes(125))).isEqualTo("2h05m");
        assertThat(Durations.compact(Duration.ofHours(76))).isEqualTo("3d04h");
        assertThat(Durations.compact(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void elapsedShowsMillisecondsBelowASecond() {
        assertThat(Durations.elapsed(Duration.ofMillis(420))).isEqualTo("420ms");
        assertThat(Durations.elapsed(Duration.ofMillis(3999))).isEqualTo("3s");
    }

    @Test
    void parseTakesWhatPeopleType() {
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse(" 10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> Durations.parse("10 minutes"))
                .hasMessage("'10 minutes' is not a duration: use 90s, 10m, 1h or 500ms");
        assertThatThrownBy(() -> Durations.parse("-1s")).isInstanceOf(IllegalArgumentException.class);
    }
}
