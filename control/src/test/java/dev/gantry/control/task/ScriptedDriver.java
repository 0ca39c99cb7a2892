package dev.gantry.control.task;

import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.Health;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.RuntimeEvent;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A scriptable in-memory driver for unit tests of the runner's logic (the real one is tested against Docker in
 * runtime's and server's *IT). Scripts: images that cannot be pulled, commands that exit at once with a code,
 * containers that fail to start, failures of the next N sandbox removals.
 */
final class ScriptedDriver implements dev.gantry.runtime.spi.TaskDriver {
    final Set<String> unpullable = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> exitAtStart = new ConcurrentHashMap<>(); // container name -> exit code
    final Set<String> failToStart = ConcurrentHashMap.newKeySet();
    final AtomicInteger sandboxRemovalFailures = new AtomicInteger();
    final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
    final Map<String, Fake> containers = new ConcurrentHashMap<>();
    /** Every removal, in order: "container:<id>" or "sandbox:<taskId>". */
    final List<String> removals = new CopyOnWriteArrayList<>();
    private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();

    static final class Fake {
        final String taskId;
        final String name;
        volatile ContainerObservation.State state = ContainerObservation.State.CREATED;
        volatile Integer exitCode;

        Fake(String taskId, String name) {
            this.taskId = taskId;
            this.name = name;
        }
    }

    @Override
    public void start() {}

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources) {
        return sandboxes.computeIfAbsent(task.taskId(), id -> new Sandbox("sb-" + id, "10.0.0." + (sandboxes.size() + 2),
                "02:42:ac:11:00:02", "gantry", "10.0.0.0/24", "10.0.0.1", Optional.empty()));
    }

    @Override
    public Optional<Sandbox> findSandbox(String taskId) {
        return Optional.ofNullable(sandboxes.get(taskId));
    }

    @Override
    public String ensureImage(String image, PullProgress progress) {
        if (unpullable.contains(image)) {
            throw new RuntimeError(RuntimeError.Kind.CANNOT_PULL_CONTAINER, "manifest unknown", false, null);
        }
        return "sha256:" + Integer.toHexString(image.hashCode());
    }

    @Override
    public String createContainer(Sandbox sandbox, ContainerSpec spec) {
        String id = "c-" + spec.task().taskId() + "-" + spec.name();
        containers.putIfAbsent(id, new Fake(spec.task().taskId(), spec.name()));
        return id;
    }

    @Override
    public void startContainer(String runtimeId) {
        Fake f = containers.get(runtimeId);
        if (failToStart.contains(f.name)) {
            throw new RuntimeError(RuntimeError.Kind.CANNOT_START_CONTAINER, "exec: \"nope\": not found", false, null);
        }
        f.state = ContainerObservation.State.RUNNING;
        Integer code = exitAtStart.get(f.name);
        if (code != null) {
            exit(runtimeId, code);
        }
    }

    void exit(String runtimeId, int code) {
        Fake f = containers.get(runtimeId);
        f.state = ContainerObservation.State.EXITED;
        f.exitCode = code;
        listeners.forEach(l -> l.accept(new RuntimeEvent.ContainerExited(f.taskId, f.name, runtimeId)));
    }

    @Override
    public void stopContainer(String runtimeId, Duration timeout) {
        Fake f = containers.get(runtimeId);
        if (f != null && f.state == ContainerObservation.State.RUNNING) {
            exit(runtimeId, 143);
        }
    }

    @Override
    public ContainerObservation inspect(String runtimeId, String containerName) {
        Fake f = containers.get(runtimeId);
        if (f == null) {
            return ContainerObservation.missing(runtimeId, containerName);
        }
        return new ContainerObservation(runtimeId, containerName, f.state, Optional.ofNullable(f.exitCode), false,
                Health.NONE, Optional.empty(), Optional.of(Instant.EPOCH), Optional.empty(), Optional.empty());
    }

    @Override
    public void removeContainer(String runtimeId) {
        removals.add("container:" + runtimeId);
        containers.remove(runtimeId);
    }

    @Override
    public void removeSandbox(String taskId) {
        if (sandboxRemovalFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new RuntimeError(RuntimeError.Kind.ENGINE_UNAVAILABLE, "engine hiccup", true, null);
        }
        removals.add("sandbox:" + taskId);
        sandboxes.remove(taskId);
    }

    @Override
    public AutoCloseable watch(Consumer<RuntimeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void followLogs(String runtimeId, Optional<Instant> since, Consumer<LogLine> sink) {}

    @Override
    public List<OwnedObject> listOwned() {
        List<OwnedObject> out = new ArrayList<>();
        containers.forEach((id, f) -> out.add(new OwnedObject(id, OwnedObject.Kind.CONTAINER, Optional.of(f.taskId),
                Optional.of(f.name), f.state == ContainerObservation.State.RUNNING)));
        sandboxes.keySet().forEach(t -> out.add(new OwnedObject("sb-" + t, OwnedObject.Kind.SANDBOX, Optional.of(t),
                Optional.empty(), true))); // containers before sandboxes, as the SPI says
        return out;
    }

    @Override
    public void close() {}
}
