package dev.gantry.store.logs;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.logs.FilterPattern;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * FilterLogEvents: events of a group (all streams, the named ones, or those with a name prefix) with
 * {@code startTime <= timestamp <= endTime} that match the pattern, in time order.
 */
public record FilterQuery(
        String group,
        List<String> streamNames,
        Optional<String> streamNamePrefix,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        FilterPattern pattern,
        int limit,
        Optional<String> nextToken) {
    public static final int MAX_LIMIT = 10_000;

    public FilterQuery {
        streamNames = List.copyOf(streamNames);
        if (!streamNames.isEmpty() && streamNamePrefix.isPresent()) {
            throw ApiException.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Every event of a group matching the pattern, first page. */
    public static FilterQuery of(String group, FilterPattern pattern) {
        return new FilterQuery(
                group,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                pattern,
                MAX_LIMIT,
                Optional.empty());
    }

    public FilterQuery withToken(String token) {
        return new FilterQuery(
                group, streamNames, streamNamePrefix, startTime, endTime, pattern, limit, Optional.of(token));
    }
}
