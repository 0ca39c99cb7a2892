package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DockerTimestampsTest {

    @Test
    void parsesNanosecondsUtc() {
        assertThat(DockerTimestamps.parse("2024-05-01T10:00:00.123456789Z"))
                .contains(Instant.parse("2024-05-01T10:00:00.123456789Z"));
    }

    @Test
    void parsesOffsetsAndShortFractions() {
        assertThat(DockerTimestamps.parse("2024-05-01T12:00:00.5+02:00"))
                .contains(Instant.parse("2024-05-01T10:00:00.5Z"));
        assertThat(DockerTimestamps.parse("2024-05-01T10:00:00Z")).contains(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void zeroTimeBlankAndGarbageAreEmpty() {
        assertThat(DockerTimestamps.parse("0001-01-01T00:00:00Z")).isEmpty();
        assertThat(DockerTimestamps.parse("")).isEmpty();
        assertThat(DockerTimestamps.parse(null)).isEmpty();
        assertThat(DockerTimestamps.parse("yesterday")).isEmpty();
    }
}
