package dev.gantry.store.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class GroupsAndStreamsTest extends LogStoreFixture {

    static void assertApiError(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void createsDescribesAndDeletesGroups() {
        LogGroup g = store.createGroup("/ecs/web");
        assertThat(g.arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web");
        assertThat(g.createdAt()).isEqualTo(T0);
        assertThat(store.findGroup("/ecs/web")).contains(g);
        assertApiError(
                () -> store.createGroup("/ecs/web"),
                ErrorCode.RESOURCE_ALREADY_EXISTS,
                "The specified log group already exists");
        store.deleteGroup("/ecs/web");
        assertThat(store.findGroup("/ecs/web")).isEmpty();
        assertApiError(
                () -> store.deleteGroup("/ecs/web"),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
    }

    @Test
    void describesGroupsByPrefixInPages() {
        for (String name : new String[] {"/ecs/b", "/ecs/a", "/other", "/ecs/c", "/ecs"}) {
            store.createGroup(name);
        }
        LogPage<LogGroup> first = store.describeGroups(Optional.of("/ecs/"), Optional.empty(), 2);
        assertThat(first.items()).extracting(LogGroup::name).containsExactly("/ecs/a", "/ecs/b");
        LogPage<LogGroup> second = store.describeGroups(Optional.of("/ecs/"), first.nextToken(), 2);
        assertThat(second.items()).extracting(LogGroup::name).containsExactly("/ecs/c");
        assertThat(second.nextToken()).isEmpty();
        assertThat(store.describeGroups(Optional.empty(), Optional.empty(), 50).items())
                .hasSize(5);
        assertApiError(
                () -> store.describeGroups(Optional.empty(), Optional.of("bogus!"), 5),
                ErrorCode.INVALID_PARAMETER,
                "The specified nextToken is invalid.");
    }

    @Test
    void retentionIsSetAndRemoved() {
        store.createGroup("g");
        store.setRetention("g", Optional.of(7));
        assertThat(store.findGroup("g").orElseThrow().retentionInDays()).contains(7);
        store.setRetention("g", Optional.empty());
        assertThat(store.findGroup("g").orElseThrow().retentionInDays()).isEmpty();
        assertApiError(
                () -> store.setRetention("nope", Optional.of(1)),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
    }

    @Test
    void createsAndDeletesStreams() {
        assertApiError(
                () -> store.createStream("g", "s"),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
        store.createGroup("g");
        LogStream s = store.createStream("g", "s");
        assertThat(s.firstEventTimestamp()).isEmpty();
        assertThat(s.uploadSequenceToken()).isEmpty();
        assertApiError(
                () -> store.createStream("g", "s"),
                ErrorCode.RESOURCE_ALREADY_EXISTS,
                "The specified log stream already exists");
        store.putEvents("g", "s", events("m", 3));
        assertThat(store.findGroup("g").orElseThrow().storedBytes()).isEqualTo(6);
        store.deleteStream("g", "s");
        assertThat(store.findStream("g", "s")).isEmpty();
        assertThat(store.findGroup("g").orElseThrow().storedBytes()).isZero();
        assertApiError(
                () -> store.deleteStream("g", "s"),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log stream does not exist.");
    }

    @Test
    void deletingAGroupDeletesItsStreamsAndEvents() {
        store.createGroup("g");
        store.createStream("g", "s");
        store.putEvents("g", "s", events("m", 3));
        store.deleteGroup("g");
        store.createGroup("g");
        assertThat(store.findStream("g", "s")).isEmpty();
        Integer left = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM log_events")) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        });
        assertThat(left).isZero();
    }

    @Test
    void describesStreamsByNameOrLastEventTime() {
        store.createGroup("g");
        for (String name : new String[] {"b", "a", "c"}) {
            store.createStream("g", name);
        }
        clock.advance(Duration.ofSeconds(5));
        store.putEvents("g", "c", events("x", 1));
        store.putEvents("g", "a", java.util.List.of(new InputEvent(T0, "later")));

        assertThat(store.describeStreams(StreamQuery.all("g")).items())
                .extracting(LogStream::name)
                .containsExactly("a", "b", "c");
        StreamQuery byTime =
                new StreamQuery("g", Optional.empty(), StreamOrder.LAST_EVENT_TIME, true, Optional.empty(), 2);
        LogPage<LogStream> first = store.describeStreams(byTime);
        assertThat(first.items()).extracting(LogStream::name).containsExactly("a", "c");
        LogStream a = first.items().getFirst();
        assertThat(a.lastEventTimestamp()).contains(T0);
        assertThat(a.lastIngestionTime()).contains(T0.plusSeconds(5));
        assertThat(a.uploadSequenceToken())
                .hasValueSatisfying(t -> assertThat(t).hasSize(56).endsWith("1"));
        StreamQuery next =
                new StreamQuery("g", Optional.empty(), StreamOrder.LAST_EVENT_TIME, true, first.nextToken(), 2);
        assertThat(store.describeStreams(next).items())
                .extracting(LogStream::name)
                .containsExactly("b");
        StreamQuery prefixed =
                new StreamQuery("g", Optional.of("b"), StreamOrder.LOG_STREAM_NAME, false, Optional.empty(), 50);
        assertThat(store.describeStreams(prefixed).items())
                .extracting(LogStream::name)
                .containsExactly("b");
        assertApiError(
                () -> new StreamQuery("g", Optional.of("b"), StreamOrder.LAST_EVENT_TIME, false, Optional.empty(), 50),
                ErrorCode.INVALID_PARAMETER,
                "Cannot order by LastEventTime with a logStreamNamePrefix.");
        assertApiError(
                () -> store.describeStreams(StreamQuery.all("nope")),
                ErrorCode.RESOURCE_NOT_FOUND,
                "The specified log group does not exist.");
    }
}
