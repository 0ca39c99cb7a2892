package dev.gantry.store.logs;

import java.time.Instant;
import java.util.Optional;

/**
 * GetLogEvents: events of one stream with {@code startTime <= timestamp < endTime}. Without a token,
 * {@code startFromHead} picks the first {@code limit} events, otherwise the last {@code limit}; with a token, the
 * token's direction decides.
 */
public record GetEventsQuery(
        String group,
        String stream,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        int limit,
        boolean startFromHead,
        Optional<String> nextToken) {
    public static final int MAX_LIMIT = 10_000;

    public GetEventsQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The last (up to) 10,000 events of a stream, as {@code aws logs get-log-events} asks by default. */
    public static GetEventsQuery tail(String group, String stream) {
        return new GetEventsQuery(
                group, stream, Optional.empty(), Optional.empty(), MAX_LIMIT, false, Optional.empty());
    }

    public GetEventsQuery withToken(String token) {
        return new GetEventsQuery(group, stream, startTime, endTime, limit, startFromHead, Optional.of(token));
    }

    public GetEventsQuery withLimit(int newLimit) {
        return new GetEventsQuery(group, stream, startTime, endTime, newLimit, startFromHead, nextToken);
    }

    public GetEventsQuery fromHead() {
        return new GetEventsQuery(group, stream, startTime, endTime, limit, true, nextToken);
    }
}
