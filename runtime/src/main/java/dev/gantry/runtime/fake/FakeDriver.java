package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.Capability;
import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.ContainerObservation.State;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.ContainerStats;
import dev.gantry.runtime.spi.Health;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.NetworkSpec;
import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RegistryAuth;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.RuntimeError.Kind;
import dev.gantry.runtime.spi.RuntimeEvent;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An in-memory {@link TaskDriver} that behaves as the Docker driver does, observably (the shared
 * {@code TaskDriverContract} test holds both to it), at the cost of a few map operations per call: for unit tests
 * of the control plane and for its benchmarks with thousands of tasks. Nothing runs: containers follow a
 * {@link ContainerScript} (matched by {@link #script}), and a test makes things happen by hand ({@link #exit},
 * {@link #reportHealth}, {@link #print}, {@link #killSandbox}) or injects engine failures ({@link #failNext}).
 *
 * <p>What it owns: sandboxes with addresses from one fake network, "pulled" images, containers and their output.
 * Thread-safe: state changes under one lock, events are queued under it (so each watcher sees them in order) and
 * delivered on the watcher's own thread; log followers wait on their container's own lock.
 */
public final class FakeDriver implements TaskDriver {
    /** The memory use {@link #stats} reports for every running container. */
    public static final long FAKE_MEMORY_USAGE = 4L * 1024 * 1024;

    /** The SPI calls, for {@link #failNext} and {@link #calls}. */
    public enum Operation {
        CLAIM_SANDBOX,
        FIND_SANDBOX,
        REMOVE_SANDBOX,
        ENSURE_IMAGE,
        CREATE_CONTAINER,
        START_CONTAINER,
        STOP_CONTAINER,
        INSPECT,
        REMOVE_CONTAINER,
        LIST_OWNED
    }

    /** A container as the fake engine holds it. */
    public record ContainerView(
            String runtimeId,
            String taskId,
            String name,
            String image,
            State state,
            Optional<Integer> exitCode,
            boolean oomKilled,
            Health health,
            ContainerSpec spec) {}

    /** A container or sandbox removed (its runtime id, its task), in order; kept for the driver's life. */
    public record Removal(OwnedObject.Kind kind, String runtimeId, String taskId) {}

    static final String NOT_STARTED = "FakeDriver.start() has not been called";
    static final String NO_SUCH_IMAGE = "No such image: %s";
    static final String NO_SUCH_CONTAINER = FakeSandboxes.NO_SUCH_CONTAINER;
    static final String PULL_DENIED =
            "pull access denied for %s, repository does not exist or may require " + "'docker login'";

    private record Rule(Predicate<ContainerSpec> matches, ContainerScript script) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final InstantSource clock;
    private final FakeTimer timer;
    private final FakeIds ids = new FakeIds();
    private final FakeSandboxes sandboxes;
    private final Faults faults = new Faults();
    private final Watchers watchers = new Watchers();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> images = new LinkedHashMap<>(); // reference -> digest
    private final Map<String, String> unpullable = new LinkedHashMap<>(); // reference -> engine message
    private final FakeRegistry registry = new FakeRegistry();
    private final Map<String, FakeContainer> containers = new LinkedHashMap<>(); // by runtime id
    private final Map<String, String> idsByName = new LinkedHashMap<>(); // engine name -> runtime id
    private final List<Removal> removals = new ArrayList<>();
    private volatile boolean started;
    private volatile Consumer<String> beforeStop = runtimeId -> {};
    private volatile Consumer<String> beforeEnsureImage = image -> {};
    private volatile Consumer<String> beforeStart = runtimeId -> {};

    FakeDriver(InstantSource clock, FakeTimer timer, String networkName, String subnet, Set<String> preloaded) {
        this.clock = clock;
        this.timer = timer;
        this.sandboxes = new FakeSandboxes(new FakeNetwork(networkName, subnet), ids);
        preloaded.forEach(i -> images.put(i, FakeIds.digest(i)));
    }

    /** A fake driver on the system clock and a real-time timer, network {@code gantry} 10.88.0.0/16. */
    public static FakeDriver create() {
        return builder().build();
    }

    public static FakeDriverBuilder builder() {
        return new FakeDriverBuilder();
    }

    // ---- scripting -------------------------------------------------------------------------------------------

    /** Containers whose spec matches behave as {@code script}; the latest matching rule wins. */
    public FakeDriver script(Predicate<ContainerSpec> matches, ContainerScript script) {
        return locked(() -> {
            rules.add(new Rule(Objects.requireNonNull(matches), Objects.requireNonNull(script)));
            return this;
        });
    }

    /** Containers of this name (in any task) behave as {@code script}. */
    public FakeDriver scriptContainer(String containerName, ContainerScript script) {
        return script(s -> s.name().equals(containerName), script);
    }

    /** Containers of this image behave as {@code script}. */
    public FakeDriver scriptImage(String image, ContainerScript script) {
        return script(s -> s.image().equals(image), script);
    }

    /** Pulls of {@code image} fail with Docker Hub's words for a repository that does not exist. */
    /**
     * Runs {@code hook} with the runtime id at every stop, before the container stops and outside the fake's lock: a
     * test may block in it, to hold a stop as long as a real engine waits out a stop timeout.
     */
    public FakeDriver beforeStop(Consumer<String> hook) {
        beforeStop = hook;
        return this;
    }

    /**
     * Runs {@code hook} with the runtime id at every container start, before the container starts and outside the
     * fake's lock: what the platform has published when a task's process could first look.
     */
    public FakeDriver beforeStart(Consumer<String> hook) {
        beforeStart = hook;
        return this;
    }

    /** Runs {@code hook} with the image at every image check, outside the fake's lock: a test may block in it. */
    public FakeDriver beforeEnsureImage(Consumer<String> hook) {
        beforeEnsureImage = hook;
        return this;
    }

    public FakeDriver unpullable(String image) {
        int tag = image.lastIndexOf(':');
        String repository = tag > image.lastIndexOf('/') ? image.substring(0, tag) : image;
        return unpullable(image, String.format(PULL_DENIED, repository));
    }

    /** Pulls of {@code image} fail as a registry's refusal does (CANNOT_PULL_CONTAINER, not retryable). */
    public FakeDriver unpullable(String image, String message) {
        return locked(() -> {
            unpullable.put(image, message);
            return this;
        });
    }

    /**
     * {@code image} is private: a pull needs exactly {@code auth} (other credentials are refused as a registry's
     * 401, none as "no basic auth credentials"), and every check with credentials pulls again.
     */
    public FakeDriver privateImage(String image, RegistryAuth auth) {
        return locked(() -> {
            registry.require(image, auth);
            return this;
        });
    }

    /** The next {@code times} calls of {@code op} fail with {@code error} (an engine hiccup, a timeout…). */
    public FakeDriver failNext(Operation op, int times, RuntimeError error) {
        return locked(() -> {
            faults.failNext(op, times, error);
            return this;
        });
    }

    /** Injected failures of {@code op} not met yet. */
    public int pendingFailures(Operation op) {
        return locked(() -> faults.remaining(op));
    }

    /** How many times {@code op} was called (failed calls included). */
    public long calls(Operation op) {
        return faults.calls(op);
    }

    // ---- things that happen in the engine, by hand -----------------------------------------------------------

    /** The container's process exits with {@code code} now (an exit event follows). No-op unless running. */
    public void exit(String runtimeId, int code) {
        locked(() -> {
            FakeContainer c = containers.get(runtimeId);
            if (c != null && c.state == State.RUNNING) {
                exited(c, code, false);
            }
            return null;
        });
    }

    /** The container's health check reports {@code health} now (an event follows if it changed). */
    public void reportHealth(String runtimeId, Health health) {
        locked(() -> {
            FakeContainer c = containers.get(runtimeId);
            if (c != null && c.state == State.RUNNING && c.hasHealthCheck()) {
                health(c, health);
            }
            return null;
        });
    }

    /** The running container writes a line. */
    public void print(String runtimeId, boolean stderr, String message) {
        locked(() -> {
            FakeContainer c = containers.get(runtimeId);
            if (c != null && c.state == State.RUNNING) {
                c.logs.append(clock.instant(), stderr, message);
            }
            return null;
        });
    }

    /**
     * The task's sandbox dies (as with {@code docker kill}): it stays, detached from the network, not running, and a
     * {@link RuntimeEvent.SandboxExited} is published.
     */
    public void killSandbox(String taskId) {
        locked(() -> {
            sandboxes.kill(taskId).ifPresent(id -> watchers.publish(new RuntimeEvent.SandboxExited(taskId, id)));
            return null;
        });
    }

    // ---- what the fake engine holds --------------------------------------------------------------------------

    public List<ContainerView> containers() {
        return locked(
                () -> containers.values().stream().map(FakeContainer::view).toList());
    }

    public Optional<ContainerView> container(String taskId, String name) {
        return locked(() -> Optional.ofNullable(idsByName.get(FakeIds.engineName(taskId, name)))
                .map(containers::get)
                .map(FakeContainer::view));
    }

    /** Sandboxes by task id. */
    public Map<String, Sandbox> sandboxes() {
        return locked(sandboxes::views);
    }

    public Set<String> images() {
        return locked(() -> Set.copyOf(images.keySet()));
    }

    public List<Removal> removals() {
        return locked(() -> List.copyOf(removals));
    }

    // ---- the SPI -------------------------------------------------------------------------------------------

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.HEALTH_CHECKS);
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources) {
        return locked(() -> {
            requireStarted();
            faults.check(Operation.CLAIM_SANDBOX);
            return sandboxes.claim(task.taskId(), resources);
        });
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources, Optional<String> network) {
        return locked(() -> {
            requireStarted();
            faults.check(Operation.CLAIM_SANDBOX);
            return sandboxes.claim(task.taskId(), resources, network);
        });
    }

    @Override
    public void ensureNetwork(NetworkSpec spec) {
        locked(() -> {
            sandboxes.ensureNetwork(spec);
            return null;
        });
    }

    @Override
    public void removeNetwork(String name) {
        locked(() -> {
            sandboxes.removeNetwork(name);
            return null;
        });
    }

    /** The fake engine's networks: name to range. */
    public Map<String, String> networks() {
        return locked(sandboxes::networks);
    }

    @Override
    public Optional<Long> sandboxPid(String sandboxRuntimeId) {
        return locked(() -> {
            requireStarted();
            return sandboxes.pid(sandboxRuntimeId);
        });
    }

    @Override
    public Optional<Sandbox> findSandbox(String taskId) {
        return locked(() -> {
            requireStarted();
            faults.check(Operation.FIND_SANDBOX);
            return sandboxes.find(taskId);
        });
    }

    @Override
    public void removeSandbox(String taskId) {
        locked(() -> {
            requireStarted();
            faults.check(Operation.REMOVE_SANDBOX);
            sandboxes.removeByTask(taskId).ifPresent(this::removed);
            return null;
        });
    }

    @Override
    public String ensureImage(String image, PullProgress progress) {
        return ensureImage(image, Optional.empty(), progress);
    }

    @Override
    public String ensureImage(String image, Optional<RegistryAuth> auth, PullProgress progress) {
        beforeEnsureImage.accept(image);
        boolean pulled = locked(() -> {
            faults.check(Operation.ENSURE_IMAGE);
            if (images.containsKey(image) && auth.isEmpty() && !registry.isPrivate(image)) {
                return false;
            }
            String refusal = unpullable.get(image);
            if (refusal == null) {
                refusal = registry.refusal(image, auth).orElse(null);
            }
            if (refusal != null) {
                throw new RuntimeError(Kind.CANNOT_PULL_CONTAINER, refusal, false, null);
            }
            images.put(image, FakeIds.digest(image));
            return true;
        });
        if (pulled) {
            progress.update(image, "Pull complete");
        }
        return locked(() -> images.get(image));
    }

    @Override
    public String createContainer(Sandbox sandbox, ContainerSpec spec) {
        return locked(() -> {
            faults.check(Operation.CREATE_CONTAINER);
            String name = FakeIds.engineName(spec.task().taskId(), spec.name());
            String existing = idsByName.get(name);
            if (existing != null) {
                return existing; // idempotent by name, whatever the spec says now (as Docker's name conflict)
            }
            String digest = images.get(spec.image());
            if (digest == null) {
                throw new RuntimeError(
                        Kind.CANNOT_CREATE_CONTAINER, String.format(NO_SUCH_IMAGE, spec.image()), false, null);
            }
            ContainerScript script = scriptFor(spec);
            if (script.createFailure().isPresent()) {
                throw new RuntimeError(
                        Kind.CANNOT_CREATE_CONTAINER, script.createFailure().get(), false, null);
            }
            FakeContainer c = new FakeContainer(ids.newId(), name, sandbox.runtimeId(), spec, script, digest);
            containers.put(c.runtimeId, c);
            idsByName.put(name, c.runtimeId);
            return c.runtimeId;
        });
    }

    @Override
    public void startContainer(String runtimeId) {
        beforeStart.accept(runtimeId);
        locked(() -> {
            faults.check(Operation.START_CONTAINER);
            FakeContainer c = containers.get(runtimeId);
            if (c == null) {
                throw new RuntimeError(
                        Kind.CANNOT_START_CONTAINER, String.format(NO_SUCH_CONTAINER, runtimeId), false, null);
            }
            if (c.state != State.RUNNING) {
                FakeScripts.start(this, c, sandboxes.cannotJoin(c.sandboxId));
            }
            return null;
        });
    }

    @Override
    public void stopContainer(String runtimeId, Duration timeout) {
        beforeStop.accept(runtimeId);
        locked(() -> {
            faults.check(Operation.STOP_CONTAINER);
            FakeContainer c = containers.get(runtimeId);
            if (c != null && c.state == State.RUNNING) {
                exited(c, c.script.stopExitCode(), false); // no real wait: the timeout is the engine's business
            }
            return null;
        });
    }

    @Override
    public ContainerObservation inspect(String runtimeId, String containerName) {
        return locked(() -> {
            faults.check(Operation.INSPECT);
            FakeContainer c = containers.get(runtimeId);
            return c == null ? ContainerObservation.missing(runtimeId, containerName) : c.observe(containerName);
        });
    }

    /**
     * A made-up but well-formed sample for a running container: {@link #FAKE_MEMORY_USAGE} bytes in use under the
     * container's memory limit, CPU time equal to its wall time since start (Docker's stats JSON shape).
     */
    @Override
    public Optional<ContainerStats> stats(String runtimeId) {
        return locked(() -> {
            faults.check(Operation.INSPECT);
            FakeContainer c = containers.get(runtimeId);
            if (c == null || c.state != State.RUNNING) {
                return Optional.<ContainerStats>empty();
            }
            Instant now = clock.instant();
            long cpu = c.startedAt
                    .map(t -> Math.max(0, Duration.between(t, now).toNanos()))
                    .orElse(0L);
            String json = "{\"read\":\"" + now + "\",\"id\":\"" + runtimeId + "\",\"name\":\"/" + c.engineName
                    + "\",\"num_procs\":0,\"pids_stats\":{\"current\":1},\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":"
                    + cpu + "},\"online_cpus\":1},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":0}},"
                    + "\"memory_stats\":{\"usage\":" + FAKE_MEMORY_USAGE + ",\"limit\":" + c.spec.memoryBytes()
                    + "},\"networks\":{}}";
            return Optional.of(new ContainerStats(runtimeId, now, FAKE_MEMORY_USAGE, cpu, json));
        });
    }

    @Override
    public void removeContainer(String runtimeId) {
        locked(() -> {
            faults.check(Operation.REMOVE_CONTAINER);
            FakeContainer c = containers.get(runtimeId);
            if (c == null) {
                sandboxes.removeById(runtimeId).ifPresent(this::removed); // the reaper removes sandboxes by id
                return null;
            }
            if (c.state == State.RUNNING) {
                exited(c, ContainerScript.KILLED, false); // force: killed first, and an exit event says so
            }
            c.generation++;
            containers.remove(runtimeId);
            idsByName.remove(c.engineName);
            removals.add(new Removal(OwnedObject.Kind.CONTAINER, runtimeId, c.taskId()));
            return null;
        });
    }

    @Override
    public AutoCloseable watch(Consumer<RuntimeEvent> listener) {
        return watchers.subscribe(listener);
    }

    @Override
    public void followLogs(String runtimeId, Optional<Instant> since, Consumer<LogLine> sink) {
        FakeContainer c = locked(() -> containers.get(runtimeId));
        if (c != null) {
            c.logs.follow(since, sink);
        }
    }

    @Override
    public List<OwnedObject> listOwned() {
        return locked(() -> {
            faults.check(Operation.LIST_OWNED);
            List<OwnedObject> out = new ArrayList<>();
            containers
                    .values()
                    .forEach(c -> out.add(new OwnedObject(
                            c.runtimeId,
                            OwnedObject.Kind.CONTAINER,
                            Optional.of(c.taskId()),
                            Optional.of(c.name()),
                            c.state == State.RUNNING)));
            sandboxes.listInto(out::add);
            return out; // containers before sandboxes, the order to remove them in
        });
    }

    /** Stops event delivery and the driver's own timer; what the fake engine holds stays, as an engine's does. */
    @Override
    public void close() {
        watchers.closeAll();
        if (timer instanceof FakeTimer.Closeable owned) {
            owned.close();
        }
    }

    // ---- shared with FakeScripts, under the lock -----------------------------------------------------------

    Instant now() {
        return clock.instant();
    }

    void later(FakeContainer c, Duration delay, Runnable step) {
        int generation = c.generation;
        timer.schedule(
                delay,
                () -> locked(() -> {
                    if (c.generation == generation && c.state == State.RUNNING) {
                        step.run();
                    }
                    return null;
                }));
    }

    void exited(FakeContainer c, int code, boolean oomKilled) {
        c.state = State.EXITED;
        c.exitCode = Optional.of(code);
        c.oomKilled = oomKilled;
        c.finishedAt = Optional.of(clock.instant());
        c.logs.live(false);
        watchers.publish(new RuntimeEvent.ContainerExited(c.taskId(), c.name(), c.runtimeId));
    }

    void health(FakeContainer c, Health health) {
        if (c.health != health) {
            c.health = health;
            watchers.publish(new RuntimeEvent.HealthChanged(c.taskId(), c.name(), c.runtimeId, health));
        }
    }

    private void removed(FakeSandbox sb) {
        removals.add(new Removal(OwnedObject.Kind.SANDBOX, sb.runtimeId, sb.taskId));
    }

    private ContainerScript scriptFor(ContainerSpec spec) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).matches().test(spec)) {
                return rules.get(i).script();
            }
        }
        return ContainerScript.RUNS_UNTIL_STOPPED;
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException(NOT_STARTED);
        }
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
