package dev.gantry.router.state;

import dev.gantry.router.RequestMetrics;
import java.util.concurrent.atomic.LongAdder;

/** A group's request counters, written by the request path without locks (LongAdders), read as a snapshot. */
public final class GroupMetrics {
    private final LongAdder requests = new LongAdder();
    private final LongAdder[] classes = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder responseMillis = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder retries = new LongAdder();
    final LongAdder ejections = new LongAdder();

    public void request() {
        requests.increment();
    }

    /** A response (or the router's own error answer) with {@code status}, {@code nanos} after the request began. */
    public void response(int status, long nanos) {
        int cls = status / 100;
        if (cls >= 2 && cls <= 5) {
            classes[cls - 2].increment();
        }
        responseMillis.add(nanos / 1_000_000);
    }

    public void connectFailure() {
        connectFailures.increment();
    }

    public void retry() {
        retries.increment();
    }

    RequestMetrics snapshot(String groupId) {
        return new RequestMetrics(
                groupId,
                requests.sum(),
                classes[0].sum(),
                classes[1].sum(),
                classes[2].sum(),
                classes[3].sum(),
                responseMillis.sum(),
                connectFailures.sum(),
                retries.sum(),
                ejections.sum());
    }
}
