package dev.gantry.router;

/**
 * One target group's request counters since the router started, as Service Connect reports them per service:
 * requests (RequestCount), responses by class (HTTPCode_Target_2XX/3XX/4XX/5XX_Count; an answer the router made
 * itself, 502/504 after a failure, counts as 5XX), the sum of target response times (TargetResponseTime; divide by
 * the responses for the mean), failed connects, retries to another target and outlier ejections.
 */
public record RequestMetrics(
        String targetGroupId,
        long requests,
        long target2xx,
        long target3xx,
        long target4xx,
        long target5xx,
        long responseTimeMillisTotal,
        long connectFailures,
        long retries,
        long ejections) {

    /** Responses of every class. */
    public long responses() {
        return target2xx + target3xx + target4xx + target5xx;
    }
}
