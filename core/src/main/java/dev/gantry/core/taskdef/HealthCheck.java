package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A container health check; defaults as ECS documents them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthCheck(
        List<String> command, Integer interval, Integer timeout, Integer retries, Integer startPeriod) {
    public int intervalOrDefault() {
        return interval == null ? 30 : interval;
    }

    public int timeoutOrDefault() {
        return timeout == null ? 5 : timeout;
    }

    public int retriesOrDefault() {
        return retries == null ? 3 : retries;
    }

    public int startPeriodOrDefault() {
        return startPeriod == null ? 0 : startPeriod;
    }
}
