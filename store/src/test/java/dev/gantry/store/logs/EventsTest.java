package dev.gantry.store.logs;

import static dev.gantry.store.logs.GroupsAndStreamsTest.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsTest extends LogStoreFixture {

    @BeforeEach
    void stream() {
        store.createGroup("g");
        store.createStream("g", "s");
    }

    @Test
    void putStoresEventsAndReportsRejected() {
        Instant okTime = T0.minus(Duration.ofDays(14)).plusSeconds(60);
        PutResult r = store.putEvents(
                "g",
                "s",
                List.of(
                        new InputEvent(T0.minus(Duration.ofDays(14)).minusSeconds(60), "old"),
                        new InputEvent(okTime, "ok")));
        assertThat(r.storedCount()).isEqualTo(1);
        assertThat(r.nextSequenceToken()).hasSize(56);
        assertThat(r.rejected()).contains(new RejectedEvents(Optional.empty(), Optional.of(0), Optional.empty()));
        PutResult r2 = store.putEvents(
                "g",
                "s",
                List.of(
                        new InputEvent(T0.minusSeconds(1), "recent"),
                        new InputEvent(T0.plus(Duration.ofHours(3)), "future")));
        assertThat(r2.rejected()).contains(new RejectedEvents(Optional.of(1), Optional.empty(), Optional.empty()));
        assertThat(r2.nextSequenceToken()).isGreaterThan(r.nextSequenceToken());

        EventPage page = store.getEvents(GetEventsQuery.tail("g", "s"));
        assertThat(messages(page.events())).containsExactly("ok", "recent");
        assertThat(page.events().getFirst().timestamp()).isEqualTo(okTime);
        assertThat(page.events().getFirst().ingestionTime()).isEqualTo(T0);
        LogStream s = store.findStream("g", "s").orElseThrow();
        assertThat(s.firstEventTimestamp()).contains(okTime);
        assertThat(s.lastEventTimestamp()).contains(T0.minusSeconds(1));
        assertThat(s.uploadSequence()).isEqualTo(2);
        assertThat(store.findGroup("g").orElseThrow().storedBytes()).isEqualTo("ok".length() + "recent".length());
    }

    @Test
    void putNeedsGroupAndStream() {
        assertApiError(
                () -> store.putEvents("nope", "s", events("m", 1)),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        assertApiError(
                () -> store.putEvents("g", "nope", events("m", 1)),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log stream does not exist.");
        assertApiError(
                () -> store.getEvents(GetEventsQuery.tail("g", "nope")),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log stream does not exist.");
    }

    @Test
    void withoutATokenReturnsTheLastEventsUnlessFromHead() {
        store.putEvents("g", "s", events("m", 10));
        assertThat(messages(store.getEvents(GetEventsQuery.tail("g", "s").withLimit(3))
                        .events()))
                .containsExactly("m7", "m8", "m9");
        assertThat(messages(store.getEvents(
                                GetEventsQuery.tail("g", "s").withLimit(3).fromHead())
                        .events()))
                .containsExactly("m0", "m1", "m2");
    }

    @Test
    void pagesForwardUntilTheSameTokenComesBack() {
        store.putEvents("g", "s", events("m", 7));
        GetEventsQuery q = GetEventsQuery.tail("g", "s").withLimit(3).fromHead();
        EventPage page = store.getEvents(q);
        StringBuilder seen = new StringBuilder(String.join(",", messages(page.events())));
        String token = page.nextForwardToken();
        for (int calls = 0; calls < 10; calls++) {
            EventPage next = store.getEvents(q.withToken(token));
            if (next.nextForwardToken().equals(token)) {
                assertThat(next.events()).isEmpty();
                break;
            }
            messages(next.events()).forEach(m -> seen.append(',').append(m));
            token = next.nextForwardToken();
        }
        assertThat(seen.toString()).isEqualTo("m0,m1,m2,m3,m4,m5,m6");

        // A tail keeps working: new events show up after the token that ended paging.
        store.putEvents("g", "s", List.of(new InputEvent(T0, "new")));
        assertThat(messages(store.getEvents(q.withToken(token)).events())).containsExactly("new");
    }

    @Test
    void pagesBackwardFromTheEnd() {
        store.putEvents("g", "s", events("m", 7));
        GetEventsQuery q = GetEventsQuery.tail("g", "s").withLimit(3);
        EventPage last = store.getEvents(q);
        assertThat(messages(last.events())).containsExactly("m4", "m5", "m6");
        EventPage before = store.getEvents(q.withToken(last.nextBackwardToken()));
        assertThat(messages(before.events())).containsExactly("m1", "m2", "m3");
        EventPage first = store.getEvents(q.withToken(before.nextBackwardToken()));
        assertThat(messages(first.events())).containsExactly("m0");
        EventPage none = store.getEvents(q.withToken(first.nextBackwardToken()));
        assertThat(none.events()).isEmpty();
        assertThat(none.nextBackwardToken()).isEqualTo(first.nextBackwardToken());
        assertThat(messages(
                        store.getEvents(q.withToken(none.nextForwardToken())).events()))
                .containsExactly("m0", "m1", "m2");
    }

    @Test
    void timeWindowIsStartInclusiveEndExclusive() {
        store.putEvents("g", "s", events("m", 10));
        GetEventsQuery q = new GetEventsQuery(
                "g",
                "s",
                Optional.of(T0.minusSeconds(3600).plusMillis(2)),
                Optional.of(T0.minusSeconds(3600).plusMillis(5)),
                100,
                true,
                Optional.empty());
        assertThat(messages(store.getEvents(q).events())).containsExactly("m2", "m3", "m4");
        GetEventsQuery tail = new GetEventsQuery("g", "s", q.startTime(), q.endTime(), 100, false, Optional.empty());
        assertThat(messages(store.getEvents(tail).events())).containsExactly("m2", "m3", "m4");
    }

    @Test
    void emptyStreamStillGivesTokensThatFindLaterEvents() {
        EventPage empty = store.getEvents(GetEventsQuery.tail("g", "s"));
        assertThat(empty.events()).isEmpty();
        store.putEvents("g", "s", events("m", 2));
        assertThat(messages(store.getEvents(GetEventsQuery.tail("g", "s").withToken(empty.nextForwardToken()))
                        .events()))
                .containsExactly("m0", "m1");
    }

    @Test
    void rejectsForeignTokens() {
        assertApiError(
                () -> store.getEvents(GetEventsQuery.tail("g", "s").withToken("x/1/2")),
                ErrorCode.INVALID_PARAMETER,
                "The specified nextToken is invalid.");
        assertApiError(
                () -> store.getEvents(GetEventsQuery.tail("g", "s").withToken("f/abc")),
                ErrorCode.INVALID_PARAMETER,
                "The specified nextToken is invalid.");
    }

    @Test
    void eventsWithEqualTimestampsKeepUploadOrder() {
        InputEvent a = new InputEvent(T0, "a");
        InputEvent b = new InputEvent(T0, "b");
        store.putEvents("g", "s", List.of(a, b));
        store.putEvents("g", "s", List.of(new InputEvent(T0, "c")));
        assertThat(messages(store.getEvents(GetEventsQuery.tail("g", "s")).events()))
                .containsExactly("a", "b", "c");
    }

    @Test
    void expiredEventsAreRejectedByRetention() {
        store.setRetention("g", Optional.of(1));
        PutResult r = store.putEvents(
                "g",
                "s",
                List.of(
                        new InputEvent(T0.minus(Duration.ofDays(1)).minusSeconds(1800), "x"),
                        new InputEvent(T0.minusSeconds(7200), "y")));
        assertThat(r.rejected().orElseThrow().expiredLogEventEndIndex()).contains(0);
        assertThat(r.storedCount()).isEqualTo(1);
    }
}
