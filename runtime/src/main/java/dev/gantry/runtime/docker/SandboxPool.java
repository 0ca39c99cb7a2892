package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes: the containers that own a task's network namespace. Keeps warm sandboxes started and unclaimed so a claim
 * costs one rename (and, at the same time, one inspect); at least {@code warmSandboxes} of them, more after a burst of
 * claims ({@link PoolDemand}: as many as the burst, up to {@value #MAX_WARM}, for ten minutes), so the next burst finds
 * them ready. Refills run in the background, at most {@value #MAX_REFILLS} at a time, once claims have been quiet for
 * {@link #QUIET} (so a refill does not compete with the claimer's own container create and start, nor with a burst in
 * progress), but at the latest {@link #MAX_DEFER} after the first deferred one (steady load is never quiet), and at
 * once when the pool is empty. Claims may come from many virtual threads at once: the pool is a lock-free deque and counters.
 */
final class SandboxPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxPool.class);
    static final int MAX_WARM = 64;
    static final int MAX_REFILLS = 4;
    static final Duration QUIET = Duration.ofMillis(500);
    /** The longest a refill waits for quiet: under steady load claims are never quiet. */
    static final Duration MAX_DEFER = Duration.ofSeconds(2);

    private static final Duration RECHECK = Duration.ofMillis(100);
    /** How long an orphan's tombstone must stand before it is removed (see {@link #removeIfStillNamed}). */
    static final Duration TOMBSTONE_SETTLE = Duration.ofSeconds(1);

    private final DockerClient docker;
    private final DockerDriverConfig config;
    private final SandboxFactory factory;
    private final EngineNetwork.Info network;
    /** Subnets' networks, as read from the engine: by name. */
    private final java.util.concurrent.ConcurrentHashMap<String, EngineNetwork.Info> networks =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final TaskCgroups cgroups;
    /** The size of the latest claim: refills are created at that size, so a claim of the same size skips a resize. */
    private final AtomicReference<TaskResources> recentSize = new AtomicReference<>();

    /**
     * A warm sandbox and the name this pool gave it. Claims rename it by that name, not by id, so a claim fails
     * cleanly (and takes another) if another installation has meanwhile tombstoned it ({@link #removeOrphans}).
     */
    record Warm(String id, String name) {}

    private final ConcurrentLinkedDeque<Warm> warm = new ConcurrentLinkedDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean refillScheduled = new AtomicBoolean();
    private final PoolDemand demand;
    private volatile long lastClaimNanos = System.nanoTime();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** Engine calls made beside a claimer's own (never shut down: virtual threads hold nothing when idle). */
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private volatile boolean closed;

    SandboxPool(
            DockerClient docker,
            DockerDriverConfig config,
            SandboxFactory factory,
            EngineNetwork.Info network,
            TaskCgroups cgroups) {
        this.docker = docker;
        this.config = config;
        this.network = network;
        this.factory = factory;
        this.cgroups = cgroups;
        this.demand = new PoolDemand(
                config.warmSandboxes(),
                Math.max(MAX_WARM, config.warmSandboxes()),
                Duration.ofSeconds(10),
                Duration.ofMinutes(10));
    }

    /**
     * Adopts this installation's running pool sandboxes from a previous run (up to the target; each renamed to carry
     * this process as its owner) and removes the rest.
     */
    void adoptLeftovers() {
        List<Container> leftovers = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(
                        Map.of(Names.LABEL_INSTALLATION, config.installationId(), Names.LABEL_ROLE, Names.ROLE_SANDBOX))
                .exec();
        int adopted = 0;
        int removed = 0;
        for (Container c : leftovers) {
            boolean pooled = c.getNames() != null
                    && c.getNames().length > 0
                    && Names.isPoolSandbox(config.installationId(), c.getNames()[0]);
            if (!pooled) {
                continue; // a claimed sandbox: its task (or the reaper) decides
            }
            Optional<Warm> taken = "running".equals(c.getState()) && warm.size() < config.warmSandboxes()
                    ? takeOver(c.getId(), c.getNames()[0])
                    : Optional.empty();
            if (taken.isPresent()) {
                warm.add(taken.get());
                adopted++;
            } else {
                String id = c.getId();
                submit(() -> factory.remove(id));
                removed++;
            }
        }
        if (adopted + removed > 0) {
            LOG.atInfo()
                    .addKeyValue("installation", config.installationId())
                    .addKeyValue("adopted", adopted)
                    .addKeyValue("removed", removed)
                    .log("recovered warm sandboxes from a previous run");
        }
        submit(this::removeOrphansLogged);
    }

    /**
     * Renames an adopted warm sandbox (by the name it was listed with, so a sandbox another installation has
     * tombstoned meanwhile is not taken) so its name names this process as the owner; empty if it is gone.
     */
    private Optional<Warm> takeOver(String id, String listedName) {
        String name = poolName();
        try {
            docker.renameContainerCmd(Names.strip(listedName)).withName(name).exec();
            return Optional.of(new Warm(id, name));
        } catch (NotFoundException | ConflictException gone) {
            return Optional.empty();
        }
    }

    private void removeOrphansLogged() {
        try {
            removeOrphans();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("installation", config.installationId())
                    .addKeyValue("error", DockerErrors.text(e))
                    .log("cannot remove orphaned warm sandboxes of other installations; will try on the next start");
        }
    }

    private String poolName() {
        return Names.poolSandbox(
                config.installationId(),
                PoolOwner.current().map(o -> o.token() + "-").orElse("") + SandboxFactory.randomSuffix());
    }

    /**
     * Removes other installations' warm sandboxes whose owner process is provably gone (see {@link PoolOwner}): an
     * installation killed without a graceful shutdown, whose data dir may never start again. Claimed sandboxes and
     * warm sandboxes of live (or unprovable) owners are left alone.
     */
    void removeOrphans() {
        Optional<PoolOwner> self = PoolOwner.current();
        if (self.isEmpty()) {
            return;
        }
        int removed = 0;
        for (Container c : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(Names.LABEL_MANAGED, "true", Names.LABEL_ROLE, Names.ROLE_SANDBOX))
                .exec()) {
            String installation = c.getLabels() == null ? null : c.getLabels().get(Names.LABEL_INSTALLATION);
            if (installation == null
                    || installation.equals(config.installationId())
                    || c.getNames() == null
                    || c.getNames().length == 0) {
                continue;
            }
            Optional<PoolOwner> owner = PoolOwner.ofPoolName(installation, c.getNames()[0]);
            if (owner.isPresent()
                    && owner.get().provablyGoneFrom(self.get())
                    && removeIfStillNamed(installation, c.getId(), c.getNames()[0])) {
                removed++;
                LOG.atInfo()
                        .addKeyValue("installation", installation)
                        .addKeyValue("sandbox", c.getNames()[0])
                        .addKeyValue("ownerPid", owner.get().pid())
                        .log("removed a warm sandbox whose Gantry process is gone");
            }
        }
        if (removed > 0) {
            LOG.atInfo().addKeyValue("removed", removed).log("removed orphaned warm sandboxes of other installations");
        }
    }

    /**
     * Removes a sandbox only if it still has the name it was listed with: renames it by that name to a tombstone name
     * first (which fails if its owner has meanwhile adopted, renamed or claimed it), then removes it. False if the
     * name no longer names it. The engine resolves a rename's old name before it locks the container, so an owner's
     * rename racing ours may still land just after ours: after {@link #TOMBSTONE_SETTLE} the sandbox must still carry
     * the tombstone, else it is left alone.
     */
    boolean removeIfStillNamed(String installation, String id, String listedName) {
        String tombstone = Names.tombstone(installation, SandboxFactory.randomSuffix());
        try {
            docker.renameContainerCmd(Names.strip(listedName))
                    .withName(tombstone)
                    .exec();
            TimeUnit.MILLISECONDS.sleep(TOMBSTONE_SETTLE.toMillis());
            String now = docker.inspectContainerCmd(id).exec().getName();
            if (now == null || !Names.strip(now).equals(tombstone)) {
                return false; // renamed by its owner just after us
            }
        } catch (NotFoundException | ConflictException renamedMeanwhile) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        factory.remove(id);
        return true;
    }

    /**
     * Starts background creation until warm + in-flight reaches the target (at most {@value #MAX_REFILLS} at a time;
     * each finished one calls this again), and removes warm sandboxes beyond it. Returns at once.
     */
    void refill() {
        int target = demand.target(System.nanoTime());
        while (!closed && warm.size() > target) {
            Warm surplus = warm.pollLast();
            if (surplus != null) {
                submit(() -> factory.remove(surplus.id()));
            }
        }
        while (!closed) {
            int pending = inFlight.get();
            if (warm.size() + pending >= target || pending >= MAX_REFILLS) {
                return;
            }
            if (inFlight.compareAndSet(pending, pending + 1)) {
                if (!submit(this::createWarm)) {
                    inFlight.decrementAndGet();
                    return;
                }
            }
        }
    }

    private void createWarm() {
        boolean made = false;
        try {
            String name = poolName();
            String id = factory.create(name, Optional.ofNullable(recentSize.get()));
            warm.add(new Warm(id, name));
            if (closed) {
                removeWarm(); // made while closing: close() may already have emptied the pool
                return;
            }
            made = true;
            if (failing.compareAndSet(true, false)) {
                LOG.atInfo()
                        .addKeyValue("installation", config.installationId())
                        .log("warm sandbox pool recovered");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.atWarn()
                        .addKeyValue("installation", config.installationId())
                        .addKeyValue("error", DockerErrors.text(e))
                        .log("cannot create warm sandboxes; claims will start sandboxes synchronously");
            }
        } finally {
            inFlight.decrementAndGet();
        }
        if (made) {
            refill(); // the next one, while the target is not reached
        }
    }

    /**
     * Refills once claims have been quiet for {@link #QUIET}, at the latest {@link #MAX_DEFER} after the first deferred
     * refill, at once when the pool is empty ({@link PoolDemand#refillDelayNanos}); one waiter at a time.
     */
    private void refillWhenQuiet() {
        if (!refillScheduled.compareAndSet(false, true)) {
            return;
        }
        long deferredSince = System.nanoTime();
        boolean submitted = submit(() -> {
            try {
                long wait;
                while ((wait = PoolDemand.refillDelayNanos(
                                System.nanoTime(), lastClaimNanos, deferredSince, warm.isEmpty(), QUIET, MAX_DEFER))
                        > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, RECHECK.toNanos())); // the pool may empty meanwhile
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                refillScheduled.set(false);
            }
            refill();
        });
        if (!submitted) {
            refillScheduled.set(false);
        }
    }

    /**
     * Makes a sandbox the task's, its cgroup (where the task has one) limited to the task's size: idempotent per
     * task id. A warm sandbox already of that size needs no resize.
     */
    Sandbox claim(TaskRef task, TaskResources size) {
        return claim(task, size, Optional.empty());
    }

    /**
     * As {@link #claim(TaskRef, TaskResources)}, on the network {@code on} (empty: the default one, where warm
     * sandboxes wait): a sandbox on another network is moved (disconnected, connected: its address changes).
     */
    Sandbox claim(TaskRef task, TaskResources size, Optional<String> on) {
        recentSize.set(size);
        long now = System.nanoTime();
        lastClaimNanos = now;
        demand.claimed(now);
        String name = Names.sandbox(task.taskId());
        try {
            InspectContainerResponse r = take(name, size);
            EngineNetwork.Info target =
                    on.filter(n -> !n.equals(network.name())).map(this::network).orElse(network);
            r = moveTo(r, target);
            if (target.internal() && r.getNetworkSettings() != null) {
                PrivateRoutes.apply(r.getNetworkSettings().getSandboxKey(), target.gateway());
            }
            Sandbox sb = Observations.sandbox(r, target, cgroups);
            if (sb.taskCgroup().isPresent() && !TaskCgroups.hasSize(r.getHostConfig(), size)) {
                cgroups.resize(docker, r.getId(), size);
            }
            return sb;
        } catch (RuntimeError e) {
            throw e;
        } catch (RuntimeException e) {
            throw DockerErrors.of(RuntimeError.Kind.SANDBOX_FAILED, e, true);
        } finally {
            refillWhenQuiet();
        }
    }

    /** The sandbox attached to {@code target} only: moved there from where it is (no-op when it is there). */
    private InspectContainerResponse moveTo(InspectContainerResponse r, EngineNetwork.Info target) {
        Map<String, ContainerNetwork> attached =
                r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null
                        ? Map.of()
                        : r.getNetworkSettings().getNetworks();
        if (attached.keySet().equals(java.util.Set.of(target.name()))) {
            return r;
        }
        for (String other : attached.keySet()) {
            if (!other.equals(target.name())) {
                docker.disconnectFromNetworkCmd()
                        .withNetworkId(other)
                        .withContainerId(r.getId())
                        .withForce(true)
                        .exec();
            }
        }
        if (!attached.containsKey(target.name())) {
            docker.connectToNetworkCmd()
                    .withNetworkId(target.name())
                    .withContainerId(r.getId())
                    .exec();
        }
        return docker.inspectContainerCmd(r.getId()).exec();
    }

    /** What a sandbox needs to know of the network {@code name} (read once, then remembered). */
    EngineNetwork.Info network(String name) {
        if (name.equals(network.name())) {
            return network;
        }
        return networks.computeIfAbsent(name, n -> EngineNetwork.inspect(docker, n));
    }

    /** Forgets what it read of a network (removed, or made again). */
    void forget(String name) {
        networks.remove(name);
    }

    /** The network a sandbox is on: the one it is attached to that is not the default, else the default. */
    private EngineNetwork.Info networkOf(InspectContainerResponse r) {
        if (r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null) {
            return network;
        }
        return r.getNetworkSettings().getNetworks().keySet().stream()
                .filter(n -> !n.equals(network.name()))
                .findFirst()
                .map(this::network)
                .orElse(network);
    }

    /** A warm sandbox renamed to {@code name}, else a new one of {@code size}, else the one already named so. */
    private InspectContainerResponse take(String name, TaskResources size) {
        for (Warm w = warm.poll(); w != null; w = warm.poll()) {
            String id = w.id();
            CompletableFuture<InspectContainerResponse> inspected = CompletableFuture.supplyAsync(
                    () -> docker.inspectContainerCmd(id).exec(), CALLS); // meanwhile: the id does not change
            try {
                // by its pool name, not its id: fails if another installation has tombstoned it meanwhile
                docker.renameContainerCmd(w.name()).withName(name).exec();
            } catch (ConflictException alreadyClaimed) {
                warm.addFirst(w);
                return existing(name);
            } catch (NotFoundException vanishedOrTombstoned) {
                continue;
            }
            InspectContainerResponse r;
            try {
                r = inspected.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof NotFoundException) {
                    continue; // removed between the rename and the inspect
                }
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
            boolean running =
                    r.getState() != null && Boolean.TRUE.equals(r.getState().getRunning());
            boolean cgroupOk = !cgroups.nested()
                    || cgroups.taskCgroup(id, r.getHostConfig()).isPresent();
            if (running && cgroupOk) {
                return r;
            }
            factory.remove(id); // died, or made before tasks had a cgroup of their own: discard it, take the next
        }
        try {
            factory.create(name, Optional.of(size));
        } catch (ConflictException alreadyClaimed) {
            // claimed before (idempotent claim) or concurrently: use that one
        }
        return existing(name);
    }

    /** The task's sandbox, started again if it exists but is not running. */
    private InspectContainerResponse existing(String name) {
        InspectContainerResponse r = EngineCalls.inspectTakenName(docker, name);
        if (r.getState() == null || !Boolean.TRUE.equals(r.getState().getRunning())) {
            try {
                docker.startContainerCmd(r.getId()).exec();
            } catch (NotModifiedException alreadyRunning) {
                // started concurrently
            }
            r = docker.inspectContainerCmd(name).exec();
        }
        return r;
    }

    Optional<Sandbox> find(String taskId) {
        try {
            InspectContainerResponse r =
                    docker.inspectContainerCmd(Names.sandbox(taskId)).exec();
            return Optional.of(Observations.sandbox(r, networkOf(r), cgroups));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    void remove(String taskId) {
        factory.remove(Names.sandbox(taskId));
    }

    private boolean submit(Runnable work) {
        try {
            background.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Stops refilling and removes the warm sandboxes (claimed ones belong to their tasks and stay). After a kill -9
     * they stay: the next start of this installation adopts them, another installation's start removes them.
     */
    @Override
    public void close() {
        closed = true;
        background.shutdown();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeWarm();
    }

    /** Removes every warm sandbox, in parallel (a removal is a kill and a cleanup, ~100 ms each). */
    private void removeWarm() {
        try (ExecutorService removals = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Warm w = warm.poll(); w != null; w = warm.poll()) {
                String sandbox = w.id();
                removals.execute(() -> {
                    try {
                        factory.remove(sandbox);
                    } catch (RuntimeException e) {
                        LOG.atDebug()
                                .addKeyValue("sandbox", sandbox)
                                .setCause(e)
                                .log("cannot remove warm sandbox");
                    }
                });
            }
        }
    }
}
