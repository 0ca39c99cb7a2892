package dev.gantry.runtime.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a running container's resource use, as the engine measured it (cgroup counters).
 * {@code engineJson} is the whole reading in Docker's stats JSON shape ({@code read}, {@code cpu_stats},
 * {@code precpu_stats}, {@code memory_stats}, {@code networks}, ...), which is also what Fargate's task metadata
 * endpoint serves; {@code memoryUsageBytes} and {@code cpuTotalNanos} are the two figures callers most often need.
 */
public record ContainerStats(
        String runtimeId, Instant read, long memoryUsageBytes, long cpuTotalNanos, String engineJson) {
    public ContainerStats {
        Objects.requireNonNull(runtimeId, "runtimeId");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(engineJson, "engineJson");
        if (memoryUsageBytes < 0 || cpuTotalNanos < 0) {
            throw new IllegalArgumentException("stats figures cannot be negative");
        }
    }
}
