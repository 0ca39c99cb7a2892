package dev.gantry.api.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.logs.FilterPattern;
import dev.gantry.store.logs.EventPage;
import dev.gantry.store.logs.FilterQuery;
import dev.gantry.store.logs.FilteredEvents;
import dev.gantry.store.logs.GetEventsQuery;
import dev.gantry.store.logs.InputEvent;
import dev.gantry.store.logs.LogStore;
import dev.gantry.store.logs.PutResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PutLogEvents, GetLogEvents, FilterLogEvents. */
final class EventHandlers {
    static final int MAX_FILTER_STREAMS = 100;
    static final int MAX_PATTERN_LENGTH = 1024;

    private final LogStore store;

    EventHandlers(LogStore store) {
        this.store = store;
    }

    /** The sequenceToken input is accepted and ignored, as AWS has done since 2023. */
    JsonNode put(JsonNode body) {
        LogsInput in = new LogsInput(body);
        String group = in.group(false);
        String stream = LogsInput.streamName(in.required("logStreamName"), "logStreamName");
        List<JsonNode> raw = in.list("logEvents");
        if (raw.isEmpty()) {
            throw LogsInput.invalid(
                    body == null ? null : body.get("logEvents"),
                    "logEvents",
                    "Member must have length greater than or equal to 1");
        }
        List<InputEvent> events = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            events.add(event(new LogsInput(raw.get(i)), "logEvents." + (i + 1) + ".member."));
        }
        PutResult r = store.putEvents(group, stream, events);
        ObjectNode out = LogsViews.object();
        out.put("nextSequenceToken", r.nextSequenceToken());
        r.rejected().ifPresent(x -> out.set("rejectedLogEventsInfo", LogsViews.rejected(x)));
        return out;
    }

    private static InputEvent event(LogsInput e, String path) {
        long ts = e.longValue("timestamp", 0, Long.MAX_VALUE)
                .orElseThrow(() -> LogsInput.invalid(null, path + "timestamp", "Member must not be null"));
        Optional<String> message = e.string("message");
        if (message.isEmpty()) {
            throw LogsInput.invalid(null, path + "message", "Member must not be null");
        }
        if (message.get().isEmpty()) {
            throw LogsInput.invalid("", path + "message", "Member must have length greater than or equal to 1");
        }
        return new InputEvent(Instant.ofEpochMilli(ts), message.get());
    }

    JsonNode get(JsonNode body) {
        LogsInput in = new LogsInput(body);
        String group = in.group(true);
        String stream = LogsInput.streamName(in.required("logStreamName"), "logStreamName");
        GetEventsQuery q = new GetEventsQuery(
                group,
                stream,
                in.millis("startTime"),
                in.millis("endTime"),
                in.limit("limit", GetEventsQuery.MAX_LIMIT),
                in.bool("startFromHead", false),
                in.string("nextToken"));
        EventPage page = store.getEvents(q);
        ObjectNode out = LogsViews.object();
        ArrayNode events = out.putArray("events");
        page.events().forEach(e -> events.add(LogsViews.event(e)));
        out.put("nextForwardToken", page.nextForwardToken());
        out.put("nextBackwardToken", page.nextBackwardToken());
        return out;
    }

    JsonNode filter(JsonNode body) {
        LogsInput in = new LogsInput(body);
        String group = in.group(true);
        List<String> names = new ArrayList<>();
        for (JsonNode n : in.list("logStreamNames")) {
            if (!n.isTextual()) {
                throw LogsInput.wrongType("logStreamNames", "a list of strings");
            }
            names.add(LogsInput.streamName(n.asText(), "logStreamNames.member"));
        }
        if (names.size() > MAX_FILTER_STREAMS) {
            throw LogsInput.invalid(
                    names, "logStreamNames", "Member must have length less than or equal to " + MAX_FILTER_STREAMS);
        }
        if (body != null && body.hasNonNull("logStreamNames") && names.isEmpty()) {
            throw LogsInput.invalid("[]", "logStreamNames", "Member must have length greater than or equal to 1");
        }
        Optional<String> prefix =
                in.string("logStreamNamePrefix").map(p -> LogsInput.streamName(p, "logStreamNamePrefix"));
        String patternText = in.string("filterPattern").orElse("");
        if (patternText.length() > MAX_PATTERN_LENGTH) {
            throw LogsInput.invalid(
                    patternText,
                    "filterPattern",
                    "Member must have length less than or equal to " + MAX_PATTERN_LENGTH);
        }
        FilterQuery q = new FilterQuery(
                group,
                names,
                prefix,
                in.millis("startTime"),
                in.millis("endTime"),
                FilterPattern.parse(patternText),
                in.limit("limit", FilterQuery.MAX_LIMIT),
                in.string("nextToken"));
        FilteredEvents r = store.filterEvents(q);
        ObjectNode out = LogsViews.object();
        ArrayNode events = out.putArray("events");
        r.events().forEach(e -> events.add(LogsViews.filtered(e)));
        ArrayNode searched = out.putArray("searchedLogStreams");
        for (String s : r.searchedStreams()) {
            searched.addObject()
                    .put("logStreamName", s)
                    .put("searchedCompletely", r.nextToken().isEmpty());
        }
        r.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }
}
