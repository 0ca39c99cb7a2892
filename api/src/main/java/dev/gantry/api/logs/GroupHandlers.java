package dev.gantry.api.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.store.logs.LogGroup;
import dev.gantry.store.logs.LogPage;
import dev.gantry.store.logs.LogStore;
import java.util.List;
import java.util.Optional;

/** CreateLogGroup, DeleteLogGroup, DescribeLogGroups, PutRetentionPolicy, DeleteRetentionPolicy. */
final class GroupHandlers {
    /** The retention periods CloudWatch Logs accepts, in days. */
    static final List<Integer> RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final LogStore store;
    private final LogsViews views;

    GroupHandlers(LogStore store, LogsViews views) {
        this.store = store;
        this.views = views;
    }

    JsonNode create(JsonNode body) {
        // kmsKeyId, tags and logGroupClass are accepted and ignored.
        store.createGroup(new LogsInput(body).group(false));
        return LogsViews.object();
    }

    JsonNode delete(JsonNode body) {
        store.deleteGroup(new LogsInput(body).group(false));
        return LogsViews.object();
    }

    JsonNode describe(JsonNode body) {
        LogsInput in = new LogsInput(body);
        Optional<String> prefix =
                in.string("logGroupNamePrefix").map(p -> LogsInput.groupName(p, "logGroupNamePrefix"));
        if (in.string("logGroupNamePattern").isPresent()) {
            throw ApiException.invalidParameter(
                    "Gantry does not support logGroupNamePattern yet; use logGroupNamePrefix.");
        }
        if (!in.list("logGroupIdentifiers").isEmpty()) {
            throw ApiException.invalidParameter(
                    "Gantry does not support logGroupIdentifiers yet; use logGroupNamePrefix.");
        }
        int limit = in.limit("limit", LogStore.MAX_DESCRIBE_LIMIT);
        LogPage<LogGroup> page = store.describeGroups(prefix, in.string("nextToken"), limit);
        ObjectNode out = LogsViews.object();
        ArrayNode groups = out.putArray("logGroups");
        page.items().forEach(g -> groups.add(views.group(g)));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    JsonNode putRetention(JsonNode body) {
        LogsInput in = new LogsInput(body);
        String group = in.group(false);
        long days = in.longValue("retentionInDays", Long.MIN_VALUE, Long.MAX_VALUE)
                .orElseThrow(() -> LogsInput.invalid(null, "retentionInDays", "Member must not be null"));
        if (!RETENTION_DAYS.contains((int) days) || days != (int) days) {
            throw LogsInput.invalid(days, "retentionInDays", "Member must satisfy enum value set: " + RETENTION_DAYS);
        }
        store.setRetention(group, Optional.of((int) days));
        return LogsViews.object();
    }

    JsonNode deleteRetention(JsonNode body) {
        store.setRetention(new LogsInput(body).group(false), Optional.empty());
        return LogsViews.object();
    }
}
