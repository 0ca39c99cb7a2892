package dev.gantry.api.logs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.arn.Arns;
import dev.gantry.store.logs.LogGroup;
import dev.gantry.store.logs.LogStream;
import dev.gantry.store.logs.RejectedEvents;
import dev.gantry.store.logs.StoredEvent;
import java.time.Instant;

/** CloudWatch Logs output shapes, built from store records. Absent optional members are left out. */
final class LogsViews {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Arns arns;

    LogsViews(Arns arns) {
        this.arns = arns;
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    ObjectNode group(LogGroup g) {
        ObjectNode o = object();
        o.put("logGroupName", g.name());
        o.put("creationTime", g.createdAt().toEpochMilli());
        g.retentionInDays().ifPresent(d -> o.put("retentionInDays", d));
        o.put("metricFilterCount", 0);
        o.put("arn", g.arn() + ":*");
        o.put("logGroupArn", g.arn());
        o.put("storedBytes", g.storedBytes());
        return o;
    }

    ObjectNode stream(LogStream s) {
        ObjectNode o = object();
        o.put("logStreamName", s.name());
        o.put("creationTime", s.createdAt().toEpochMilli());
        s.firstEventTimestamp().ifPresent(t -> o.put("firstEventTimestamp", t.toEpochMilli()));
        s.lastEventTimestamp().ifPresent(t -> o.put("lastEventTimestamp", t.toEpochMilli()));
        s.lastIngestionTime().ifPresent(t -> o.put("lastIngestionTime", t.toEpochMilli()));
        s.uploadSequenceToken().ifPresent(t -> o.put("uploadSequenceToken", t));
        o.put("arn", arns.logStream(s.groupName(), s.name()));
        o.put("storedBytes", 0);
        return o;
    }

    /** An OutputLogEvent (GetLogEvents). */
    static ObjectNode event(StoredEvent e) {
        ObjectNode o = object();
        o.put("timestamp", millis(e.timestamp()));
        o.put("message", e.message());
        o.put("ingestionTime", millis(e.ingestionTime()));
        return o;
    }

    /** A FilteredLogEvent (FilterLogEvents). */
    static ObjectNode filtered(StoredEvent e) {
        ObjectNode o = object();
        o.put("logStreamName", e.streamName());
        o.put("timestamp", millis(e.timestamp()));
        o.put("message", e.message());
        o.put("ingestionTime", millis(e.ingestionTime()));
        o.put("eventId", eventId(e.id()));
        return o;
    }

    /** AWS's event ids are 56-digit decimal strings; ours are the global event order padded the same way. */
    static String eventId(long id) {
        return String.format("%056d", id);
    }

    static ObjectNode rejected(RejectedEvents r) {
        ObjectNode o = object();
        r.tooNewLogEventStartIndex().ifPresent(i -> o.put("tooNewLogEventStartIndex", i));
        r.tooOldLogEventEndIndex().ifPresent(i -> o.put("tooOldLogEventEndIndex", i));
        r.expiredLogEventEndIndex().ifPresent(i -> o.put("expiredLogEventEndIndex", i));
        return o;
    }

    private static long millis(Instant t) {
        return t.toEpochMilli();
    }
}
