package dev.gantry.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "base {0} ms, cap {1} ms: failure {2} waits {3} ms")
    @CsvSource({
        "1000, 4000, 1, 1000",
        "1000, 4000, 2, 2000",
        "1000, 4000, 3, 4000",
        "1000, 4000, 4, 4000",
        "1000, 4000, 1000, 4000",
        "300, 10000, 5, 4800",
        "300, 10000, 6, 9600",
        "300, 10000, 7, 10000",
        "1000, 1000, 3, 1000",
        "1, 9223372036854, 2147483647, 9223372036854"
    })
    void doublesFromTheBaseUpToTheCap(long baseMs, long capMs, int failures, long expectedMs) {
        assertThat(new Backoff(Duration.ofMillis(baseMs), Duration.ofMillis(capMs)).delay(failures))
                .isEqualTo(Duration.ofMillis(expectedMs));
    }

    @Test
    void nonsenseIsRefusedWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("base must be positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("below its base");
        assertThatThrownBy(() -> Backoff.DEFAULT.delay(0)).hasMessageContaining("at least 1");
    }
}
