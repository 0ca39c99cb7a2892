package dev.gantry.runtime.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Statistics;
import dev.gantry.runtime.spi.ContainerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One stats sample of a container ({@code GET /containers/{id}/stats?stream=false}): the engine's cgroup counters
 * in Docker's stats JSON shape. The engine takes about a second for it (it fills {@code precpu_stats} first).
 */
final class EngineStats {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private EngineStats() {}

    static Optional<ContainerStats> sample(DockerClient docker, String runtimeId) {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics s) {
                first.complete(s);
            }

            @Override
            public void onError(Throwable t) {
                first.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                first.completeExceptionally(new IllegalStateException("no stats sample"));
            }
        };
        try (var ignored = docker.statsCmd(runtimeId).withNoStream(true).exec(callback)) {
            Statistics s = first.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            // a container that is not running gets a sample of zeros read at Go's zero time: no reading at all
            return DockerTimestamps.parse(s.getRead()).isEmpty()
                    ? Optional.empty()
                    : Optional.of(toStats(runtimeId, s));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | NotFoundException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty(); // closing the stream
        }
    }

    static ContainerStats toStats(String runtimeId, Statistics s) {
        ObjectNode json = JSON.valueToTree(s);
        json.put("id", runtimeId);
        long memory = s.getMemoryStats() == null || s.getMemoryStats().getUsage() == null
                ? 0
                : s.getMemoryStats().getUsage();
        long cpu = s.getCpuStats() == null
                        || s.getCpuStats().getCpuUsage() == null
                        || s.getCpuStats().getCpuUsage().getTotalUsage() == null
                ? 0
                : s.getCpuStats().getCpuUsage().getTotalUsage();
        Instant read = DockerTimestamps.parse(s.getRead()).orElse(Instant.EPOCH);
        return new ContainerStats(runtimeId, read, memory, cpu, json.toString());
    }
}
