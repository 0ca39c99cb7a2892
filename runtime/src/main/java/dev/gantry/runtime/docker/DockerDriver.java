package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import dev.gantry.runtime.spi.Capability;
import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.ContainerStats;
import dev.gantry.runtime.spi.LocalImages;
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
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker {@link TaskDriver}. A thin facade: each concern lives in its own package-private class.
 * Construct with {@code new DockerDriver(DockerDriverConfig.defaults(installationId))}, then {@link #start()}.
 * The constructor does no I/O; {@link #listOwned()}, {@link #removeContainer} and the {@link LocalImages} methods
 * work before {@code start()}, everything sandbox-related needs it.
 */
public final class DockerDriver implements TaskDriver, LocalImages {

    private static final Logger LOG = LoggerFactory.getLogger(DockerDriver.class);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);
    /** How long a fresh SIGKILL exit may wait for the engine's late OOM flag. */
    private static final Duration OOM_FLAG_SETTLE = Duration.ofSeconds(1);

    private final DockerDriverConfig config;
    private final DockerClient docker;
    private final URI host;
    private final ImagePuller images;
    private final BusyboxImageBuilder builder;
    private final LogFollower logs;
    private final TaskVolumes volumes;
    /** The runtimes the engine has registered (runc, runsc, ...), read at start and again when one is missing. */
    private volatile Set<String> runtimes = Set.of();

    private volatile EngineNetwork.Info network;
    private final List<EventWatcher> watchers = new CopyOnWriteArrayList<>();
    /** Containers Gantry stopped: their SIGKILL exit is the stop's, not the OOM killer's (bounded, oldest dropped). */
    private final Set<String> stopRequested =
            Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 4096;
                }
            }));

    private volatile SandboxPool pool;
    /** The engine host's CPUs: Docker refuses a container cpu limit above them (a 4 vCPU task on a 2-core host). */
    private volatile long hostNanoCpus = Long.MAX_VALUE;

    public DockerDriver(DockerDriverConfig config) {
        this.config = config;
        DockerClients.Connection connection = DockerClients.connect();
        this.docker = connection.client();
        this.host = connection.host();
        this.images = new ImagePuller(docker, config.pullTimeout());
        this.builder = new BusyboxImageBuilder(docker, config.pullTimeout());
        this.logs = new LogFollower(docker);
        this.volumes = new TaskVolumes(docker, config.installationId());
    }

    public DockerDriverConfig config() {
        return config;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.HEALTH_CHECKS);
    }

    /** Idempotent: a second call on a started driver does nothing. */
    @Override
    public void start() {
        if (pool != null) {
            return;
        }
        ping();
        EngineNetwork.Info network = EngineNetwork.ensure(docker, config.networkName());
        this.network = network;
        try {
            buildBusyboxImage(
                    config.sandboxImage(), config.busyboxPath(), Map.of(), List.of(SandboxFactory.SANDBOX_CMD), false);
        } catch (RuntimeError e) {
            throw new RuntimeError(
                    Kind.SANDBOX_FAILED,
                    "cannot build the sandbox image " + config.sandboxImage() + ": " + e.getMessage(),
                    false,
                    e);
        }
        Info info = docker.infoCmd().exec();
        TaskCgroups cgroups = TaskCgroups.detect(info, docker.versionCmd().exec());
        runtimes = runtimesOf(info);
        if (info.getNCPU() != null && info.getNCPU() > 0) {
            hostNanoCpus = info.getNCPU() * 1_000_000_000L;
        }
        SandboxPool created =
                new SandboxPool(docker, config, new SandboxFactory(docker, config, cgroups), network, cgroups);
        created.adoptLeftovers();
        pool = created;
        created.refill();
        LOG.atInfo()
                .addKeyValue("installation", config.installationId())
                .addKeyValue("engine", host)
                .addKeyValue("network", network.name())
                .addKeyValue("subnet", network.subnet())
                .addKeyValue("warmSandboxes", config.warmSandboxes())
                .addKeyValue("taskCgroups", cgroups.nested() ? "one per task" : "per container")
                .addKeyValue("runtimes", String.join(",", new java.util.TreeSet<>(runtimes)))
                .log("docker driver started");
    }

    private void ping() {
        FutureTask<Void> ping = new FutureTask<>(() -> {
            docker.pingCmd().exec();
            return null;
        });
        Thread.ofVirtual().name("gantry-docker-ping").start(ping);
        try {
            ping.get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DockerErrors.engineUnavailable(host, e);
        } catch (java.util.concurrent.TimeoutException e) {
            ping.cancel(true);
            throw DockerErrors.engineUnavailable(host, new IOException("no answer within " + PING_TIMEOUT));
        } catch (java.util.concurrent.ExecutionException e) {
            throw DockerErrors.engineUnavailable(host, e.getCause());
        }
    }

    SandboxPool pool() {
        SandboxPool p = pool;
        if (p == null) {
            throw new IllegalStateException("DockerDriver.start() has not been called");
        }
        return p;
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources) {
        return pool().claim(task, resources);
    }

    @Override
    public Sandbox claimSandbox(TaskRef task, TaskResources resources, Optional<String> network) {
        return pool().claim(task, resources, network);
    }

    @Override
    public void ensureNetwork(NetworkSpec spec) {
        EngineNetwork.ensureSubnet(docker, spec, config.installationId());
        SandboxPool p = pool;
        if (p != null) {
            p.forget(spec.name());
        }
    }

    @Override
    public void removeNetwork(String name) {
        if (name.equals(config.networkName())) {
            return; // the default network is every installation's
        }
        EngineNetwork.remove(docker, name, config.installationId());
        SandboxPool p = pool;
        if (p != null) {
            p.forget(name);
        }
    }

    /** The engine network {@code name}'s IPv4 range and the host's address on it, if it exists. */
    public Optional<BridgeAddresses> network(String name) {
        try {
            EngineNetwork.Info n = EngineNetwork.inspect(docker, name);
            return n.subnet().isEmpty() || n.gateway().isEmpty()
                    ? Optional.empty()
                    : Optional.of(new BridgeAddresses(n.name(), n.subnet(), n.gateway()));
        } catch (RuntimeError gone) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Sandbox> findSandbox(String taskId) {
        return pool().find(taskId);
    }

    /** The sandbox container's init process, as the engine reports it ({@code State.Pid}; 0 means not running). */
    @Override
    public Optional<Long> sandboxPid(String sandboxRuntimeId) {
        try {
            var state = docker.inspectContainerCmd(sandboxRuntimeId).exec().getState();
            Long pid = state == null ? null : state.getPidLong();
            return pid == null || pid <= 0 ? Optional.empty() : Optional.of(pid);
        } catch (NotFoundException gone) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_INSPECT_CONTAINER, e, true);
        }
    }

    /**
     * The engine's name for the sandbox's network namespace ({@code NetworkSettings.SandboxKey}, a bind of the
     * namespace under the engine's run directory), while the sandbox runs.
     */
    @Override
    public Optional<String> sandboxNetns(String sandboxRuntimeId) {
        try {
            var r = docker.inspectContainerCmd(sandboxRuntimeId).exec();
            Long pid = r.getState() == null ? null : r.getState().getPidLong();
            String key = r.getNetworkSettings() == null
                    ? null
                    : r.getNetworkSettings().getSandboxKey();
            return pid == null || pid <= 0 || key == null || key.isBlank() ? Optional.empty() : Optional.of(key);
        } catch (NotFoundException gone) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_INSPECT_CONTAINER, e, true);
        }
    }

    /** Removes the sandbox, then the task's scratch volumes (its containers are removed before, by the caller). */
    @Override
    public void removeSandbox(String taskId) {
        pool().remove(taskId);
        try {
            volumes.removeAll(taskId);
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_STOP_CONTAINER, e, true);
        }
    }

    /** The engine's registered runtimes ({@code docker info}'s Runtimes). */
    public Set<String> runtimes() {
        return runtimes;
    }

    private static Set<String> runtimesOf(Info info) {
        return info.getRuntimes() == null
                ? Set.of()
                : Set.copyOf(info.getRuntimes().keySet());
    }

    /**
     * A runtime the engine does not have fails the create with a message that says how to register it, instead of the
     * engine's bare "unknown or invalid runtime name". The list is read again first: a runtime registered after start
     * (daemon.json and SIGHUP) is found.
     */
    private void requireRuntime(ContainerSpec spec) {
        Optional<String> wanted = spec.isolation().runtime();
        if (wanted.isEmpty() || runtimes.contains(wanted.get())) {
            return;
        }
        runtimes = runtimesOf(docker.infoCmd().exec());
        if (!runtimes.contains(wanted.get())) {
            throw new RuntimeError(
                    Kind.CANNOT_CREATE_CONTAINER,
                    "the engine has no runtime '" + wanted.get() + "' (it has " + String.join(", ", runtimes)
                            + "); register it in /etc/docker/daemon.json and reload dockerd (see README, gVisor), "
                            + "or remove the cluster's gantry:runtime tag. 'gantry doctor' checks this.",
                    false,
                    null);
        }
    }

    @Override
    public String ensureImage(String image, PullProgress progress) {
        return images.ensure(image, progress);
    }

    @Override
    public String ensureImage(String image, Optional<RegistryAuth> auth, PullProgress progress) {
        return images.ensure(image, auth, progress);
    }

    @Override
    public String createContainer(Sandbox sandbox, ContainerSpec spec) {
        String name = Names.container(spec.task().taskId(), spec.name());
        requireRuntime(spec);
        try {
            return ContainerSpecs.apply(
                            docker.createContainerCmd(spec.image()),
                            config.installationId(),
                            sandbox,
                            spec,
                            hostNanoCpus)
                    .exec()
                    .getId();
        } catch (ConflictException nameInUse) {
            try {
                return EngineCalls.inspectTakenName(docker, name).getId();
            } catch (RuntimeException e) {
                throw DockerErrors.of(Kind.CANNOT_CREATE_CONTAINER, nameInUse, true);
            }
        } catch (RuntimeException e) {
            boolean retryable = !(e instanceof NotFoundException || e instanceof BadRequestException);
            throw DockerErrors.of(Kind.CANNOT_CREATE_CONTAINER, e, retryable);
        }
    }

    @Override
    public void startContainer(String runtimeId) {
        try {
            docker.startContainerCmd(runtimeId).exec();
        } catch (NotModifiedException alreadyStarted) {
            // idempotent
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_START_CONTAINER, e, false);
        }
    }

    @Override
    public void stopContainer(String runtimeId, Duration timeout) {
        stopRequested.add(runtimeId);
        try {
            docker.stopContainerCmd(runtimeId)
                    .withTimeout(ContainerSpecs.seconds(timeout))
                    .exec();
        } catch (NotModifiedException | NotFoundException alreadyStoppedOrGone) {
            // idempotent
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_STOP_CONTAINER, e, true);
        }
    }

    @Override
    public ContainerObservation inspect(String runtimeId, String containerName) {
        try {
            ContainerObservation o = Observations.container(
                    runtimeId,
                    containerName,
                    docker.inspectContainerCmd(runtimeId).exec());
            if (Observations.mayStillBeOomKilled(o, Instant.now()) && !stopRequested.contains(runtimeId)) {
                return awaitOomFlag(o);
            }
            return o;
        } catch (NotFoundException gone) {
            return ContainerObservation.missing(runtimeId, containerName);
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_INSPECT_CONTAINER, e, true);
        }
    }

    /**
     * Docker may report a container's exit before the OOM kill that caused it: the engine handles containerd's OOM
     * and exit events in whichever order they arrive. Newer engines set {@code OOMKilled} when the late OOM event
     * lands; Docker 20.10 never does (the flag is taken only from an OOM event received before the exit), but logs
     * the container's {@code oom} event either way. A fresh SIGKILL exit that Gantry did not ask for is re-inspected
     * for a moment, and counts as OOM-killed once the flag or the engine's {@code oom} event for it shows, so an
     * out-of-memory task is not stopped with a plain "Essential container exited".
     */
    private ContainerObservation awaitOomFlag(ContainerObservation exited) {
        long deadline = System.nanoTime() + OOM_FLAG_SETTLE.toNanos();
        Instant since = exited.startedAt().orElse(exited.finishedAt().orElseThrow());
        ContainerObservation o = exited;
        while (true) {
            if (EngineOomEvents.seen(docker, o.runtimeId(), since, Instant.now())) {
                return Observations.oomKilled(o);
            }
            if (System.nanoTime() >= deadline) {
                return o;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return o;
            }
            o = Observations.container(
                    exited.runtimeId(),
                    exited.containerName(),
                    docker.inspectContainerCmd(exited.runtimeId()).exec());
            if (o.oomKilled()) {
                return o;
            }
        }
    }

    @Override
    public Optional<ContainerStats> stats(String runtimeId) {
        return EngineStats.sample(docker, runtimeId);
    }

    /**
     * The bridge network's IPv4 subnet (CIDR) and gateway address (the host's address on it, which every task
     * reaches), once {@link #start()} has run.
     */
    public Optional<BridgeAddresses> bridge() {
        EngineNetwork.Info n = network;
        return n == null || n.subnet().isEmpty() || n.gateway().isEmpty()
                ? Optional.empty()
                : Optional.of(new BridgeAddresses(n.name(), n.subnet(), n.gateway()));
    }

    /** Where the sandboxes' bridge network is: its name, IPv4 subnet (CIDR) and the host's address on it. */
    public record BridgeAddresses(String networkName, String subnet, String gateway) {}

    @Override
    public void removeContainer(String runtimeId) {
        try {
            EngineCalls.forceRemove(docker, runtimeId);
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_STOP_CONTAINER, e, true);
        }
    }

    @Override
    public AutoCloseable watch(Consumer<RuntimeEvent> listener) {
        EventWatcher watcher = new EventWatcher(docker, config.installationId(), listener);
        watchers.add(watcher);
        watcher.start();
        return () -> {
            watchers.remove(watcher);
            watcher.close();
        };
    }

    @Override
    public void followLogs(String runtimeId, Optional<Instant> since, Consumer<LogLine> sink) {
        logs.follow(runtimeId, since, sink);
    }

    @Override
    public List<OwnedObject> listOwned() {
        try {
            return docker
                    .listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(Names.LABEL_INSTALLATION, config.installationId()))
                    .exec()
                    .stream()
                    .map(DockerDriver::owned)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(o -> o.kind() == OwnedObject.Kind.SANDBOX))
                    .toList();
        } catch (RuntimeException e) {
            throw DockerErrors.of(Kind.CANNOT_INSPECT_CONTAINER, e, true);
        }
    }

    private static Optional<OwnedObject> owned(Container c) {
        Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
        boolean running = "running".equals(c.getState());
        String name = c.getNames() == null || c.getNames().length == 0 ? "" : c.getNames()[0];
        return switch (labels.getOrDefault(Names.LABEL_ROLE, "")) {
            case Names.ROLE_SANDBOX ->
                Optional.of(new OwnedObject(
                        c.getId(), OwnedObject.Kind.SANDBOX, Names.taskIdOfSandbox(name), Optional.empty(), running));
            case Names.ROLE_CONTAINER ->
                Optional.of(new OwnedObject(
                        c.getId(),
                        OwnedObject.Kind.CONTAINER,
                        Optional.ofNullable(labels.get(Names.LABEL_TASK_ID)),
                        Optional.ofNullable(labels.get(Names.LABEL_CONTAINER_NAME)),
                        running));
            default -> Optional.empty();
        };
    }

    @Override
    public void buildBusyboxImage(
            String tag, Path busybox, Map<String, byte[]> files, List<String> dockerfileLines, boolean rebuild) {
        builder.build(tag, busybox, files, dockerfileLines, rebuild);
    }

    @Override
    public boolean imageExists(String tag) {
        return builder.imageExists(tag);
    }

    /** Stops background work and streams and removes the warm sandboxes; task sandboxes and containers stay. */
    @Override
    public void close() {
        watchers.forEach(EventWatcher::close);
        watchers.clear();
        SandboxPool p = pool;
        if (p != null) {
            p.close();
        }
        try {
            docker.close();
        } catch (IOException ignored) {
            // closing the connection pool
        }
    }
}
