package dev.gantry.store.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PutBatchTest {
    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    static InputEvent at(Duration fromNow) {
        return new InputEvent(NOW.plus(fromNow), "m");
    }

    static Stream<Arguments> classification() {
        Duration old = Duration.ofDays(14).plusHours(1);
        Duration recent = Duration.ofDays(14).minusHours(1).negated();
        Duration future = Duration.ofHours(3);
        return Stream.of(
                // offsets from now, retention days, stored count, tooNewStart, tooOldEnd, expiredEnd
                Arguments.of(List.of(recent, recent), null, 2, null, null, null),
                Arguments.of(List.of(Duration.ofMinutes(119), Duration.ofMinutes(121)), null, 1, 1, null, null),
                Arguments.of(List.of(old.negated(), old.negated(), recent), null, 1, null, 1, null),
                Arguments.of(List.of(Duration.ofHours(-1), future, future), null, 1, 1, null, null),
                Arguments.of(
                        List.of(Duration.ofMinutes(-24 * 60 - 30), Duration.ofHours(-1), Duration.ofMinutes(-59)),
                        1,
                        2,
                        null,
                        null,
                        0),
                Arguments.of(List.of(Duration.ofHours(-23), Duration.ofHours(1)), null, 2, null, null, null),
                Arguments.of(List.of(future), null, 0, 0, null, null));
    }

    @ParameterizedTest
    @MethodSource("classification")
    void leavesOutEventsOutsideTheWindow(
            List<Duration> offsets, Integer retention, int stored, Integer tooNew, Integer tooOld, Integer expired) {
        PutBatch b =
                PutBatch.check(offsets.stream().map(PutBatchTest::at).toList(), Optional.ofNullable(retention), NOW);
        assertThat(b.accepted()).hasSize(stored);
        if (tooNew == null && tooOld == null && expired == null) {
            assertThat(b.rejected()).isEmpty();
        } else {
            RejectedEvents r = b.rejected().orElseThrow();
            assertThat(r.tooNewLogEventStartIndex()).isEqualTo(Optional.ofNullable(tooNew));
            assertThat(r.tooOldLogEventEndIndex()).isEqualTo(Optional.ofNullable(tooOld));
            assertThat(r.expiredLogEventEndIndex()).isEqualTo(Optional.ofNullable(expired));
        }
    }

    static Stream<Arguments> whole() {
        InputEvent small = at(Duration.ZERO);
        String big = "x".repeat(1_048_576 - 26);
        return Stream.of(
                Arguments.of(
                        Collections.nCopies(10_001, small),
                        "Upload too large: 10001 log events exceeds limit of 10000"),
                Arguments.of(
                        List.of(new InputEvent(NOW, big + "y")),
                        "Upload too large: 1048577 bytes exceeds limit of 1048576"),
                Arguments.of(
                        List.of(at(Duration.ZERO), at(Duration.ofMillis(-1))),
                        "Log events in a single PutLogEvents request must be in chronological order."),
                Arguments.of(
                        List.of(at(Duration.ofHours(-25)), at(Duration.ZERO)),
                        "The batch of log events in a single PutLogEvents request cannot span more than 24 hours."));
    }

    @ParameterizedTest
    @MethodSource("whole")
    void rejectsWholeBatches(List<InputEvent> events, String message) {
        assertThatThrownBy(() -> PutBatch.check(events, Optional.empty(), NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void exactlyAtTheLimitsIsFine() {
        assertThat(PutBatch.check(Collections.nCopies(10_000, at(Duration.ZERO)), Optional.empty(), NOW)
                        .accepted())
                .hasSize(10_000);
        String max = "x".repeat(1_048_576 - 26);
        assertThat(PutBatch.check(List.of(new InputEvent(NOW, max)), Optional.empty(), NOW)
                        .acceptedBytes())
                .isEqualTo(1_048_550);
    }

    @Test
    void countsUtf8Bytes() {
        assertThat(PutBatch.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
    }
}
