package dev.gantry.store.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.store.sqlite.Database;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureTest extends LogStoreFixture {
    static final Instant LINE1 = Instant.parse("2025-03-01T11:59:58.123456789Z");
    static final Instant LINE2 = Instant.parse("2025-03-01T11:59:58.123456999Z");

    @Test
    void missingGroupIsANamedErrorUnlessAskedToCreateIt() {
        assertThatThrownBy(() -> store.appendCaptured("/ecs/web", "ecs/web/abc", List.of(), false))
                .isInstanceOfSatisfying(LogGroupMissingException.class, e -> {
                    assertThat(e.group()).isEqualTo("/ecs/web");
                    assertThat(e.getMessage()).isEqualTo("The specified log group does not exist.");
                });
        assertThat(store.appendCaptured("/ecs/web", "ecs/web/abc", List.of(), true))
                .isZero();
        assertThat(store.findGroup("/ecs/web")).isPresent();
        assertThat(store.findStream("/ecs/web", "ecs/web/abc")).isPresent();
    }

    @Test
    void createsTheStreamInAnExistingGroupAndKeepsNanos() {
        store.createGroup("/ecs/web");
        int n = store.appendCaptured(
                "/ecs/web",
                "ecs/web/abc",
                List.of(new CapturedLine(LINE1, "hello"), new CapturedLine(LINE2, "world")),
                false);
        assertThat(n).isEqualTo(2);
        EventPage page = store.getEvents(GetEventsQuery.tail("/ecs/web", "ecs/web/abc"));
        assertThat(page.events()).extracting(StoredEvent::timestamp).containsExactly(LINE1, LINE2);
        assertThat(messages(page.events())).containsExactly("hello", "world");
        LogStream s = store.findStream("/ecs/web", "ecs/web/abc").orElseThrow();
        assertThat(s.firstEventTimestamp()).contains(Instant.parse("2025-03-01T11:59:58.123Z"));
        assertThat(s.lastIngestionTime()).contains(T0);
        assertThat(store.findGroup("/ecs/web").orElseThrow().storedBytes()).isEqualTo(10);
    }

    @Test
    void lastCapturedTimestampSurvivesARestart() {
        assertThat(store.lastCapturedTimestamp("g", "s")).isEmpty();
        store.appendCaptured("g", "s", List.of(new CapturedLine(LINE1, "a"), new CapturedLine(LINE2, "b")), true);
        // Uploaded events (millisecond precision) do not count as captured output.
        store.putEvents("g", "s", List.of(new InputEvent(T0, "uploaded")));
        db.close();
        db = Database.open(dir.resolve("gantry.db"));
        LogStore reopened = new LogStore(db, ARNS, clock);
        assertThat(reopened.lastCapturedTimestamp("g", "s")).contains(LINE2);
        assertThat(reopened.lastCapturedTimestamp("g", "other")).isEmpty();
    }

    @Test
    void lastCapturedIsTheNewestEvenWhenLinesArriveOutOfOrder() {
        store.appendCaptured("g", "s", List.of(new CapturedLine(LINE2, "b"), new CapturedLine(LINE1, "a")), true);
        assertThat(store.lastCapturedTimestamp("g", "s")).contains(LINE2);
        assertThat(messages(store.getEvents(GetEventsQuery.tail("g", "s")).events()))
                .containsExactly("b", "a");
    }
}
