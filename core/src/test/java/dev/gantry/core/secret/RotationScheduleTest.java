package dev.gantry.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationScheduleTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Rotation rules(Long days, String schedule, Instant lastRotated, String failure) {
        return new Rotation(
                true,
                Optional.of("fn"),
                Optional.ofNullable(days),
                Optional.empty(),
                Optional.ofNullable(schedule),
                Optional.ofNullable(lastRotated),
                Optional.ofNullable(failure));
    }

    private static Secret secret(Rotation r) {
        return new Secret(
                "arn",
                "n",
                Optional.empty(),
                Optional.empty(),
                T,
                T,
                Optional.empty(),
                Optional.empty(),
                r,
                List.of(),
                List.of(),
                0);
    }

    @Test
    void theNextRotationCountsFromTheLastOneOrTheSecretsCreation() {
        assertThat(RotationSchedule.next(rules(30L, null, null, null), T)).contains(T.plus(Duration.ofDays(30)));
        Instant last = T.plus(Duration.ofDays(3));
        assertThat(RotationSchedule.next(rules(30L, null, last, null), T)).contains(last.plus(Duration.ofDays(30)));
        assertThat(RotationSchedule.next(rules(null, "rate(10 days)", null, null), T))
                .contains(T.plus(Duration.ofDays(10)));
        assertThat(RotationSchedule.next(rules(null, "rate(6 hours)", null, null), T))
                .contains(T.plus(Duration.ofHours(6)));
        assertThat(RotationSchedule.next(rules(null, "cron(0 16 1,15 * ? *)", null, null), T))
                .isEmpty();
        assertThat(RotationSchedule.next(Rotation.NONE, T)).isEmpty();
    }

    @Test
    void aSecretIsDueOnceItsDateHasComeUnlessItsLastRotationFailed() {
        Instant due = T.plus(Duration.ofDays(1));
        assertThat(RotationSchedule.due(secret(rules(1L, null, null, null)), due.minusSeconds(1)))
                .isFalse();
        assertThat(RotationSchedule.due(secret(rules(1L, null, null, null)), due))
                .isTrue();
        assertThat(RotationSchedule.due(secret(rules(1L, null, null, "step failed")), due))
                .isFalse();
    }
}
