package dev.gantry.store.logs;

import dev.gantry.store.sqlite.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GetLogEvents over one stream. Pages move through (timestamp, id) order; a page's forward token points after its
 * last event and its backward token before its first. An empty page hands back the token it was given, so a client
 * paging forward sees the same token twice and stops (that is how {@code aws logs get-log-events} ends).
 */
final class EventReader {
    /** A response carries at most this many message bytes (plus 26 per event), like AWS's 1 MB page. */
    static final long MAX_PAGE_BYTES = 1_048_576;

    private final Database db;

    EventReader(Database db) {
        this.db = db;
    }

    EventPage read(GetEventsQuery q) {
        long fromMs = q.startTime().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        long toMs = q.endTime().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        boolean forward = q.nextToken().map(EventCursor::isForward).orElse(q.startFromHead());
        EventCursor cursor = q.nextToken()
                .map(EventCursor::parseGetToken)
                .orElse(forward ? EventCursor.before(fromMs) : EventCursor.before(toMs));
        List<StoredEvent> events = db.read(c -> {
            GroupSql.require(c, q.group());
            StreamSql.require(c, q.group(), q.stream());
            return EventSql.page(c, q.group(), q.stream(), cursor, forward, fromMs, toMs, q.limit());
        });
        events = trimToPageSize(events, forward);
        if (events.isEmpty()) {
            if (q.nextToken().isEmpty()) {
                // Nothing in the window yet: forward from its start (so a tail finds later events), back from its end.
                return new EventPage(
                        events,
                        EventCursor.before(fromMs).forwardToken(),
                        EventCursor.before(toMs).backwardToken());
            }
            // Stand still: the given token comes back, the other one turns around at the same place.
            String given = q.nextToken().get();
            return forward
                    ? new EventPage(events, given, cursor.forwardTokenTurnedBack())
                    : new EventPage(events, cursor.backwardTokenTurnedForward(), given);
        }
        return new EventPage(
                events,
                EventCursor.of(events.getLast()).forwardToken(),
                EventCursor.of(events.getFirst()).backwardToken());
    }

    /** Keeps the events nearest the cursor that fit in one page. */
    private static List<StoredEvent> trimToPageSize(List<StoredEvent> events, boolean forward) {
        long bytes = 0;
        List<StoredEvent> ordered = forward ? events : events.reversed();
        List<StoredEvent> kept = new ArrayList<>();
        for (StoredEvent e : ordered) {
            bytes += PutBatch.utf8Length(e.message()) + PutBatch.EVENT_OVERHEAD_BYTES;
            if (bytes > MAX_PAGE_BYTES && !kept.isEmpty()) {
                break;
            }
            kept.add(e);
        }
        return forward ? kept : kept.reversed();
    }

    Optional<Instant> lastCaptured(String group, String stream) {
        return db.read(c -> EventSql.lastNanos(c, group, stream));
    }
}
