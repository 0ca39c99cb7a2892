package dev.gantry.store.logs;

/** DescribeLogStreams' orderBy. */
public enum StreamOrder {
    LOG_STREAM_NAME("LogStreamName"),
    LAST_EVENT_TIME("LastEventTime");

    private final String wireName;

    StreamOrder(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
