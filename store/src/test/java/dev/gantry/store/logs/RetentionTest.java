package dev.gantry.store.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionTest extends LogStoreFixture {

    @Test
    void eventsPastTheGroupsRetentionExpireAndTheirBytesAreGiven() {
        store.createGroup("kept");
        store.createStream("kept", "s");
        store.createGroup("short");
        store.createStream("short", "s");
        store.putEvents("kept", "s", events("k", 3));
        store.putEvents("short", "s", events("old", 3));
        store.setRetention("short", Optional.of(1));
        assertThat(store.purgeExpired()).isZero(); // an hour old: within one day

        clock.advance(Duration.ofHours(24));
        store.putEvents("short", "s", List.of(new InputEvent(clock.instant(), "new")));
        assertThat(store.purgeExpired()).isEqualTo(3);

        assertThat(messages(store.getEvents(GetEventsQuery.tail("short", "s")).events()))
                .containsExactly("new");
        assertThat(store.findGroup("short").orElseThrow().storedBytes()).isEqualTo(3);
        assertThat(messages(store.getEvents(GetEventsQuery.tail("kept", "s")).events()))
                .containsExactly("k0", "k1", "k2"); // no retention: never expires
        assertThat(store.findStream("short", "s")).isPresent();
        assertThat(store.purgeExpired()).isZero();
    }

    @Test
    void capturedLinesAlreadyPastRetentionAreNotStored() {
        store.createGroup("g");
        store.setRetention("g", Optional.of(1));
        int stored = store.appendCaptured(
                "g",
                "s",
                List.of(
                        new CapturedLine(T0.minus(Duration.ofDays(2)), "expired"),
                        new CapturedLine(T0.minusSeconds(1), "fresh")),
                false);
        assertThat(stored).isEqualTo(1);
        assertThat(messages(store.getEvents(GetEventsQuery.tail("g", "s")).events()))
                .containsExactly("fresh");
    }
}
