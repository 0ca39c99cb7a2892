package dev.gantry.runtime.spi;

import java.time.Duration;
import java.util.List;

/** An engine health check. {@code test} starts with CMD or CMD-SHELL as in Docker. */
public record HealthSpec(List<String> test, Duration interval, Duration timeout, Duration startPeriod, int retries) {
    public HealthSpec {
        test = List.copyOf(test);
    }
}
