package dev.gantry.server;

import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.RuntimeEvent;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A test double for start-up order: {@code start()} blocks until {@link #release()} (an engine that takes its
 * time), and the first call a task runner makes ({@code claimSandbox} / {@code findSandbox}) records the task id
 * and then blocks until the runner is interrupted, so the task stays unfinished. Nothing else is supported.
 */
final class HeldEngineDriver implements TaskDriver {
    final CountDownLatch startEntered = new CountDownLatch(1);
    final BlockingQueue<String> runnerCalls = new LinkedBlockingQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);

    void release() {
        released.countDown();
    }

    @Override
    public void start() {
        startEntered.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeError(RuntimeError.Kind.ENGINE_UNAVAILABLE, "interrupted", true, e);
        }
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources) {
        runnerCalls.add(task.taskId());
        return holdUntilInterrupted();
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources, Optional<String> network) {
        return claimSandbox(task, resources);
    }

    @Override
    public Optional<Sandbox> findSandbox(String taskId) {
        runnerCalls.add(taskId);
        return holdUntilInterrupted();
    }

    private static <T> T holdUntilInterrupted() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RuntimeError(RuntimeError.Kind.ENGINE_UNAVAILABLE, "interrupted", true, null);
    }

    @Override
    public AutoCloseable watch(Consumer<RuntimeEvent> listener) {
        return () -> {};
    }

    @Override
    public List<OwnedObject> listOwned() {
        return List.of();
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public String ensureImage(String image, PullProgress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createContainer(Sandbox sandbox, ContainerSpec spec) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void startContainer(String runtimeId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stopContainer(String runtimeId, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContainerObservation inspect(String runtimeId, String containerName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeContainer(String runtimeId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeSandbox(String taskId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void followLogs(String runtimeId, Optional<Instant> since, Consumer<LogLine> sink) {
        throw new UnsupportedOperationException();
    }
}
