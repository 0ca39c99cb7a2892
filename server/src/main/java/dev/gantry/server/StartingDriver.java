package dev.gantry.server;

import dev.gantry.runtime.spi.Capability;
import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.ContainerStats;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.NetworkSpec;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The engine driver as the control plane sees it while the engine is still being prepared behind an API that
 * already listens. Owns the two moments of start-up: {@link #started} (the real driver's {@code start()} returned:
 * the supervisor may subscribe to events and re-adopt) and {@link #ready} (re-adoption is under way: runners may
 * act). Until then every call waits, so a RunTask accepted during start-up runs once the engine is there; if the
 * engine cannot be prepared, every call fails with that error.
 */
final class StartingDriver implements TaskDriver {
    static final String CLOSED = "Gantry is shutting down";

    private final CompletableFuture<TaskDriver> started = new CompletableFuture<>();
    private final CompletableFuture<TaskDriver> ready = new CompletableFuture<>();

    /**
     * The real driver's {@code start()} returned: {@link #watch} may subscribe. False if this was closed first; the
     * caller then closes {@code driver} itself.
     */
    boolean started(TaskDriver driver) {
        return started.complete(driver);
    }

    /** Every call may go through now. */
    void ready() {
        ready.complete(started.join());
    }

    /** Preparing the engine failed (or the server closed first): every waiting and later call fails with this. */
    void failed(RuntimeException e) {
        started.completeExceptionally(e);
        ready.completeExceptionally(e);
    }

    boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** The real driver once {@link #ready()}; waits for it, and fails as start-up failed. */
    TaskDriver awaitReady() {
        return await(ready);
    }

    private static TaskDriver await(CompletableFuture<TaskDriver> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // runners leave on interrupt: the task stays for re-adoption
            throw new RuntimeError(RuntimeError.Kind.ENGINE_UNAVAILABLE, CLOSED, true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("GantryServer starts the real driver");
    }

    /** The real driver's, once it has started (waits until then). */
    @Override
    public Set<Capability> capabilities() {
        return await(started).capabilities();
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources) {
        return awaitReady().claimSandbox(task, resources);
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources, Optional<String> network) {
        return awaitReady().claimSandbox(task, resources, network);
    }

    @Override
    public void ensureNetwork(NetworkSpec spec) {
        awaitReady().ensureNetwork(spec);
    }

    @Override
    public void removeNetwork(String name) {
        awaitReady().removeNetwork(name);
    }

    @Override
    public Optional<Sandbox> findSandbox(String taskId) {
        return awaitReady().findSandbox(taskId);
    }

    @Override
    public Optional<Long> sandboxPid(String sandboxRuntimeId) {
        return awaitReady().sandboxPid(sandboxRuntimeId);
    }

    @Override
    public Optional<String> sandboxNetns(String sandboxRuntimeId) {
        return awaitReady().sandboxNetns(sandboxRuntimeId);
    }

    @Override
    public String ensureImage(String image, PullProgress progress) {
        return awaitReady().ensureImage(image, progress);
    }

    @Override
    public String ensureImage(
            String image, java.util.Optional<dev.gantry.runtime.spi.RegistryAuth> auth, PullProgress progress) {
        return awaitReady().ensureImage(image, auth, progress);
    }

    @Override
    public String createContainer(Sandbox sandbox, ContainerSpec spec) {
        return awaitReady().createContainer(sandbox, spec);
    }

    @Override
    public void startContainer(String runtimeId) {
        awaitReady().startContainer(runtimeId);
    }

    @Override
    public void stopContainer(String runtimeId, Duration timeout) {
        awaitReady().stopContainer(runtimeId, timeout);
    }

    @Override
    public ContainerObservation inspect(String runtimeId, String containerName) {
        return awaitReady().inspect(runtimeId, containerName);
    }

    @Override
    public Optional<ContainerStats> stats(String runtimeId) {
        return awaitReady().stats(runtimeId);
    }

    @Override
    public void removeContainer(String runtimeId) {
        awaitReady().removeContainer(runtimeId);
    }

    @Override
    public void removeSandbox(String taskId) {
        awaitReady().removeSandbox(taskId);
    }

    /** Needs only a started driver: the supervisor subscribes before its runners may act, so no exit is missed. */
    @Override
    public AutoCloseable watch(Consumer<RuntimeEvent> listener) {
        return await(started).watch(listener);
    }

    @Override
    public void followLogs(String runtimeId, Optional<Instant> since, Consumer<LogLine> sink) {
        awaitReady().followLogs(runtimeId, since, sink);
    }

    @Override
    public List<OwnedObject> listOwned() {
        return awaitReady().listOwned();
    }

    /** Closes the real driver if it started; wakes anything still waiting with {@link #CLOSED}. */
    @Override
    public void close() {
        failed(new RuntimeError(RuntimeError.Kind.ENGINE_UNAVAILABLE, CLOSED, true, null));
        if (started.isDone() && !started.isCompletedExceptionally()) {
            started.join().close();
        }
    }
}
