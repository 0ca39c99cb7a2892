package dev.gantry.store.logs;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.error.ApiException;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch Logs groups, streams and events in SQLite. Client mistakes are {@link ApiException}s named and worded
 * as CloudWatch Logs does ({@code ResourceNotFoundException}, {@code ResourceAlreadyExistsException},
 * {@code InvalidParameterException}); ingestion times come from the injected clock.
 */
public final class LogStore {
    /** DescribeLogGroups' largest (and default) page. */
    public static final int MAX_DESCRIBE_LIMIT = 50;

    private final Database db;
    private final Arns arns;
    private final InstantSource clock;
    private final EventReader reader;
    private final EventFilter filter;

    public LogStore(Database db, Arns arns, InstantSource clock) {
        this.db = db;
        this.arns = arns;
        this.clock = clock;
        this.reader = new EventReader(db);
        this.filter = new EventFilter(db);
    }

    public LogGroup createGroup(String name) {
        return db.write(c -> GroupSql.insert(c, name, arns.logGroup(name), clock.instant()));
    }

    /** Deletes the group with its streams and events. */
    public void deleteGroup(String name) {
        db.write(c -> {
            GroupSql.delete(c, name);
            return null;
        });
    }

    public Optional<LogGroup> findGroup(String name) {
        return db.read(c -> GroupSql.find(c, name));
    }

    /** Groups in name order, optionally only those whose name starts with {@code prefix}. */
    public LogPage<LogGroup> describeGroups(Optional<String> prefix, Optional<String> nextToken, int limit) {
        if (limit < 1 || limit > MAX_DESCRIBE_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_DESCRIBE_LIMIT + ", was " + limit);
        }
        long offset = nextToken.map(EventCursor::parseOffset).orElse(0L);
        List<LogGroup> rows = db.read(c -> GroupSql.list(c, prefix, offset, limit));
        return page(rows, offset, limit);
    }

    /** Sets ({@code days} present) or removes the group's retention. */
    public void setRetention(String group, Optional<Integer> days) {
        db.write(c -> {
            GroupSql.setRetention(c, group, days);
            return null;
        });
    }

    public LogStream createStream(String group, String stream) {
        return db.write(c -> {
            GroupSql.require(c, group);
            return StreamSql.insert(c, group, stream, clock.instant());
        });
    }

    /** Deletes the stream and its events. */
    public void deleteStream(String group, String stream) {
        db.write(c -> {
            GroupSql.require(c, group);
            GroupSql.addStoredBytes(c, group, -StreamSql.delete(c, group, stream));
            return null;
        });
    }

    public Optional<LogStream> findStream(String group, String stream) {
        return db.read(c -> StreamSql.find(c, group, stream));
    }

    public LogPage<LogStream> describeStreams(StreamQuery q) {
        long offset = q.nextToken().map(EventCursor::parseOffset).orElse(0L);
        List<LogStream> rows = db.read(c -> {
            GroupSql.require(c, q.group());
            return StreamSql.list(c, q, offset);
        });
        return page(rows, offset, q.limit());
    }

    /**
     * PutLogEvents: validates the batch as AWS does (see {@link PutBatch}), stores the acceptable events and reports
     * the rest in {@link PutResult#rejected()}.
     */
    public PutResult putEvents(String group, String stream, List<InputEvent> events) {
        return db.write(c -> {
            Instant now = clock.instant();
            LogGroup g = GroupSql.require(c, group);
            StreamSql.require(c, group, stream);
            PutBatch batch = PutBatch.check(events, g.retentionInDays(), now);
            List<InputEvent> ok = batch.accepted();
            store(
                    c,
                    group,
                    stream,
                    ok.stream().map(InputEvent::timestamp).toList(),
                    ok.stream().map(InputEvent::message).toList(),
                    false,
                    now,
                    batch.acceptedBytes());
            long sequence = StreamSql.recordUpload(
                    c,
                    group,
                    stream,
                    ok.isEmpty() ? Optional.empty() : Optional.of(ok.getFirst().timestamp()),
                    ok.isEmpty() ? Optional.empty() : Optional.of(ok.getLast().timestamp()),
                    now);
            return new PutResult(LogStream.sequenceToken(sequence), ok.size(), batch.rejected());
        });
    }

    public EventPage getEvents(GetEventsQuery query) {
        return reader.read(query);
    }

    public FilteredEvents filterEvents(FilterQuery query) {
        return filter.filter(query);
    }

    /**
     * Stores captured container output as it comes, keeping each line's full-precision time (no PutLogEvents
     * limits apply). Creates the stream when it is missing, and the group too when {@code createGroup} (the task's
     * {@code awslogs-create-group}); a missing group otherwise is a {@link LogGroupMissingException}. An empty list
     * just makes sure the stream exists, which is how a task checks its log configuration at start. Lines older
     * than the group's retention are dropped (they would be expired at once), so re-capturing a long-running
     * container's output after its older lines expired does not bring them back.
     *
     * @return how many lines were stored
     */
    public int appendCaptured(String group, String stream, List<CapturedLine> captured, boolean createGroup) {
        return db.write(c -> {
            Instant now = clock.instant();
            Optional<LogGroup> g = GroupSql.find(c, group);
            if (g.isEmpty()) {
                if (!createGroup) {
                    throw new LogGroupMissingException(group);
                }
                g = Optional.of(GroupSql.insert(c, group, arns.logGroup(group), now));
            }
            if (StreamSql.find(c, group, stream).isEmpty()) {
                StreamSql.insert(c, group, stream, now);
            }
            Optional<Instant> retained = g.get().retentionInDays().map(d -> now.minus(Duration.ofDays(d)));
            List<CapturedLine> lines = retained.isEmpty()
                    ? captured
                    : captured.stream()
                            .filter(l -> !l.timestamp().isBefore(retained.get()))
                            .toList();
            if (lines.isEmpty()) {
                return 0;
            }
            long bytes = lines.stream()
                    .mapToLong(l -> PutBatch.utf8Length(l.message()))
                    .sum();
            store(
                    c,
                    group,
                    stream,
                    lines.stream().map(CapturedLine::timestamp).toList(),
                    lines.stream().map(CapturedLine::message).toList(),
                    true,
                    now,
                    bytes);
            Comparator<Instant> order = Comparator.naturalOrder();
            StreamSql.recordUpload(
                    c,
                    group,
                    stream,
                    lines.stream().map(CapturedLine::timestamp).min(order),
                    lines.stream().map(CapturedLine::timestamp).max(order),
                    now);
            return lines.size();
        });
    }

    /**
     * Expires events older than their group's retention, as CloudWatch Logs does (there within about three days,
     * here within a housekeeping round). Stream metadata stays.
     *
     * @return how many events were deleted
     */
    public int purgeExpired() {
        long removed = 0;
        for (LogGroup listed : db.read(GroupSql::withRetention)) {
            removed += db.write(
                    c -> { // one transaction per group, so capture and puts elsewhere are not held up
                        Optional<LogGroup> g = GroupSql.find(c, listed.name());
                        if (g.isEmpty() || g.get().retentionInDays().isEmpty()) {
                            return 0L; // deleted or retention removed meanwhile
                        }
                        long cutoff = clock.instant()
                                .minus(Duration.ofDays(g.get().retentionInDays().get()))
                                .toEpochMilli();
                        EventSql.Removed gone = EventSql.deleteBefore(c, listed.name(), cutoff);
                        if (gone.events() > 0) {
                            GroupSql.addStoredBytes(c, listed.name(), -gone.bytes());
                        }
                        return gone.events();
                    });
        }
        return (int) Math.min(removed, Integer.MAX_VALUE);
    }

    /**
     * The newest full-precision time of captured output in the stream, empty when nothing was captured (or the
     * stream does not exist). Capture resumes after a restart by keeping only lines strictly after it.
     */
    public Optional<Instant> lastCapturedTimestamp(String group, String stream) {
        return reader.lastCaptured(group, stream);
    }

    private static void store(
            Connection c,
            String group,
            String stream,
            List<Instant> times,
            List<String> messages,
            boolean nanos,
            Instant now,
            long bytes)
            throws SQLException {
        if (times.isEmpty()) {
            return;
        }
        EventSql.insert(c, group, stream, times, messages, nanos, now);
        GroupSql.addStoredBytes(c, group, bytes);
    }

    private static <T> LogPage<T> page(List<T> rowsPlusOne, long offset, int limit) {
        if (rowsPlusOne.size() > limit) {
            return new LogPage<>(rowsPlusOne.subList(0, limit), Optional.of(EventCursor.offsetToken(offset + limit)));
        }
        return new LogPage<>(rowsPlusOne, Optional.empty());
    }
}
