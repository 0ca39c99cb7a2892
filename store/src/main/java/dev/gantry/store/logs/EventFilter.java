package dev.gantry.store.logs;

import dev.gantry.store.sqlite.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FilterLogEvents: walks a group's events in (timestamp, id) order in batches, each its own short read so writers
 * are not held up, and keeps those the pattern matches. A call stops at the limit, at a page's worth of bytes,
 * after scanning {@link #SCAN_BUDGET} events, or once matching has cost {@link #WORK_BUDGET} steps (message
 * characters × the pattern's {@link dev.gantry.core.logs.FilterPattern#costPerChar()}, so a costly {@code %regex%}
 * over long messages pages sooner instead of holding a request thread); then the token resumes after the last event
 * looked at. Like AWS, a page can therefore be empty and still carry a token.
 */
final class EventFilter {
    static final int BATCH = 1_000;
    static final int SCAN_BUDGET = 100_000;
    static final long WORK_BUDGET = 64_000_000;

    private final Database db;
    private final int batchSize;
    private final int scanBudget;
    private final long workBudget;

    EventFilter(Database db) {
        this(db, BATCH, SCAN_BUDGET, WORK_BUDGET);
    }

    EventFilter(Database db, int batchSize, int scanBudget, long workBudget) {
        this.db = db;
        this.batchSize = batchSize;
        this.scanBudget = scanBudget;
        this.workBudget = workBudget;
    }

    FilteredEvents filter(FilterQuery q) {
        List<String> streams = db.read(c -> {
            GroupSql.require(c, q.group());
            return StreamSql.names(c, q.group(), q.streamNames(), q.streamNamePrefix());
        });
        boolean narrowed = !q.streamNames().isEmpty() || q.streamNamePrefix().isPresent();
        if (narrowed && streams.isEmpty()) {
            return new FilteredEvents(List.of(), List.of(), Optional.empty());
        }
        List<String> only = narrowed ? streams : List.of();
        long fromMs = q.startTime().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        long toMs = q.endTime().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        EventCursor cursor = q.nextToken().map(EventCursor::parseOpaque).orElse(EventCursor.before(fromMs));
        if (cursor.timestampMs() < fromMs) {
            cursor = EventCursor.before(fromMs);
        }
        List<StoredEvent> matched = new ArrayList<>();
        long bytes = 0;
        int scanned = 0;
        long work = 0;
        boolean exhausted = false;
        scanning:
        while (true) {
            EventCursor after = cursor;
            List<StoredEvent> batch = db.read(c -> EventSql.scan(c, q.group(), only, after, toMs, batchSize));
            for (StoredEvent e : batch) {
                scanned++;
                if (q.pattern().matchesEverything() || q.pattern().matches(e.message())) {
                    bytes += PutBatch.utf8Length(e.message()) + PutBatch.EVENT_OVERHEAD_BYTES;
                    if (bytes > EventReader.MAX_PAGE_BYTES && !matched.isEmpty()) {
                        break scanning;
                    }
                    matched.add(e);
                }
                cursor = EventCursor.of(e);
                if (matched.size() == q.limit()) {
                    break scanning;
                }
                work += (long) e.message().length() * q.pattern().costPerChar();
                if (work >= workBudget) {
                    break scanning;
                }
            }
            if (batch.size() < batchSize) {
                exhausted = true;
                break;
            }
            if (scanned >= scanBudget) {
                break;
            }
        }
        boolean more = !exhausted && hasMoreAfter(q.group(), only, cursor, toMs);
        return new FilteredEvents(matched, streams, more ? Optional.of(cursor.opaqueToken()) : Optional.empty());
    }

    private boolean hasMoreAfter(String group, List<String> only, EventCursor cursor, long toMs) {
        return !db.read(c -> EventSql.scan(c, group, only, cursor, toMs, 1)).isEmpty();
    }
}
