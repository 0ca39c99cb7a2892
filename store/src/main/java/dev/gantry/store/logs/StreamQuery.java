package dev.gantry.store.logs;

import dev.gantry.core.error.ApiException;
import java.util.Optional;

/** DescribeLogStreams: a prefix cannot be combined with ordering by last event time (as in AWS). */
public record StreamQuery(
        String group,
        Optional<String> prefix,
        StreamOrder orderBy,
        boolean descending,
        Optional<String> nextToken,
        int limit) {
    public static final int MAX_LIMIT = 50;

    public StreamQuery {
        if (prefix.isPresent() && orderBy == StreamOrder.LAST_EVENT_TIME) {
            throw ApiException.invalidParameter(LogMessages.ORDER_BY_WITH_PREFIX);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** All streams of a group, by name, first page. */
    public static StreamQuery all(String group) {
        return new StreamQuery(
                group, Optional.empty(), StreamOrder.LOG_STREAM_NAME, false, Optional.empty(), MAX_LIMIT);
    }
}
