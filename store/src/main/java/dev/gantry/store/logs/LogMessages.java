package dev.gantry.store.logs;

/** Error messages worded as CloudWatch Logs words them (clients and scripts match on some of them). */
public final class LogMessages {
    public static final String GROUP_EXISTS = "The specified log group already exists";
    public static final String GROUP_NOT_FOUND = "The specified log group does not exist.";
    public static final String STREAM_EXISTS = "The specified log stream already exists";
    public static final String STREAM_NOT_FOUND = "The specified log stream does not exist.";
    public static final String NOT_CHRONOLOGICAL =
            "Log events in a single PutLogEvents request must be in chronological order.";
    public static final String SPANS_OVER_24_HOURS =
            "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.";
    public static final String INVALID_TOKEN = "The specified nextToken is invalid.";
    public static final String ORDER_BY_WITH_PREFIX = "Cannot order by LastEventTime with a logStreamNamePrefix.";

    private LogMessages() {}

    public static String tooManyBytes(long bytes) {
        return "Upload too large: " + bytes + " bytes exceeds limit of " + PutBatch.MAX_BATCH_BYTES;
    }

    public static String tooManyEvents(int count) {
        return "Upload too large: " + count + " log events exceeds limit of " + PutBatch.MAX_BATCH_EVENTS;
    }
}
