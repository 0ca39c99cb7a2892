package dev.gantry.control.endpoint;

import java.util.Objects;

/**
 * One stats reading of a container, for the metadata endpoint: {@code engineJson} in Docker's stats JSON shape
 * (what Fargate serves at {@code /stats}), {@code runtimeId} the engine's container id (the DockerId).
 */
public record StatsSample(String runtimeId, long memoryUsageBytes, String engineJson) {
    public StatsSample {
        Objects.requireNonNull(runtimeId, "runtimeId");
        Objects.requireNonNull(engineJson, "engineJson");
    }
}
