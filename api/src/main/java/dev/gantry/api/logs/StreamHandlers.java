package dev.gantry.api.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.store.logs.LogPage;
import dev.gantry.store.logs.LogStore;
import dev.gantry.store.logs.LogStream;
import dev.gantry.store.logs.StreamOrder;
import dev.gantry.store.logs.StreamQuery;
import java.util.Arrays;
import java.util.Optional;

/** CreateLogStream, DeleteLogStream, DescribeLogStreams. */
final class StreamHandlers {
    private final LogStore store;
    private final LogsViews views;

    StreamHandlers(LogStore store, LogsViews views) {
        this.store = store;
        this.views = views;
    }

    JsonNode create(JsonNode body) {
        LogsInput in = new LogsInput(body);
        String group = in.group(false);
        store.createStream(group, LogsInput.streamName(in.required("logStreamName"), "logStreamName"));
        return LogsViews.object();
    }

    JsonNode delete(JsonNode body) {
        LogsInput in = new LogsInput(body);
        String group = in.group(false);
        store.deleteStream(group, LogsInput.streamName(in.required("logStreamName"), "logStreamName"));
        return LogsViews.object();
    }

    JsonNode describe(JsonNode body) {
        LogsInput in = new LogsInput(body);
        String group = in.group(true);
        Optional<String> prefix =
                in.string("logStreamNamePrefix").map(p -> LogsInput.streamName(p, "logStreamNamePrefix"));
        StreamOrder order = in.string("orderBy").map(StreamHandlers::order).orElse(StreamOrder.LOG_STREAM_NAME);
        boolean descending = in.bool("descending", false);
        int limit = in.limit("limit", StreamQuery.MAX_LIMIT);
        LogPage<LogStream> page =
                store.describeStreams(new StreamQuery(group, prefix, order, descending, in.string("nextToken"), limit));
        ObjectNode out = LogsViews.object();
        ArrayNode streams = out.putArray("logStreams");
        page.items().forEach(s -> streams.add(views.stream(s)));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    private static StreamOrder order(String wire) {
        return Arrays.stream(StreamOrder.values())
                .filter(o -> o.wireName().equals(wire))
                .findFirst()
                .orElseThrow(() -> LogsInput.invalid(
                        wire, "orderBy", "Member must satisfy enum value set: [LogStreamName, LastEventTime]"));
    }
}
