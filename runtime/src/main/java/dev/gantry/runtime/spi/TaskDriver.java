package dev.gantry.runtime.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The engine-facing SPI. Task-shaped: a sandbox owns a task's network namespace and the task's containers join
 * it. Implementations report observations and perform effects; they never decide task state.
 * Every object created is labelled with the installation id and the {@link TaskRef}, and named deterministically
 * from the task id, so a restarted control plane finds what it already created instead of creating it again.
 */
public interface TaskDriver extends AutoCloseable {

    /** The optional behaviours this driver has. None by default. */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /** Prepares the engine: network, sandbox image, warm sandboxes. Fails with ENGINE_UNAVAILABLE if unreachable. */
    void start();

    /**
     * Takes a warm sandbox (or starts one) and makes it the task's, with the task's size as a limit on all its
     * containers together where the engine allows (see {@link Sandbox#taskCgroup()}). Idempotent per task id.
     */
    Sandbox claimSandbox(TaskRef task, TaskResources resources);

    /**
     * As {@link #claimSandbox(TaskRef, TaskResources)}, the sandbox on the engine network {@code network} (empty: the
     * driver's default network, where warm sandboxes wait; a sandbox claimed for another network is moved there, and
     * its address is the one it has there). The network must exist ({@link #ensureNetwork}).
     */
    default Sandbox claimSandbox(TaskRef task, TaskResources resources, Optional<String> network) {
        if (network.isPresent()) {
            throw new RuntimeError(
                    RuntimeError.Kind.SANDBOX_FAILED,
                    "this engine driver cannot put a sandbox on the network " + network.get(),
                    false,
                    null);
        }
        return claimSandbox(task, resources);
    }

    /**
     * Makes sure the engine network {@code spec} exists, with exactly its range, gateway and internal flag, labelled
     * with this installation (idempotent: an existing network of that name and range is kept). Fails with
     * {@link RuntimeError.Kind#NETWORK_CONFLICT} when the engine cannot have it (the range overlaps another network's,
     * or a network of that name has another range), saying which.
     */
    default void ensureNetwork(NetworkSpec spec) {
        throw new RuntimeError(
                RuntimeError.Kind.ENGINE_UNAVAILABLE, "this engine driver cannot create networks", false, null);
    }

    /**
     * Removes the engine network {@code name} if this installation created it; no-op when it is gone (or another
     * installation's). Fails while sandboxes are still on it.
     */
    default void removeNetwork(String name) {}

    /** The task's sandbox, if it still exists. */
    Optional<Sandbox> findSandbox(String taskId);

    /**
     * The host process id of a process inside the sandbox's network namespace (its sandbox process), for tools
     * that enter the namespace ({@code nsenter -t <pid> -n}). Empty when the sandbox is not running or the driver's
     * sandboxes are not host processes.
     */
    default Optional<Long> sandboxPid(String sandboxRuntimeId) {
        return Optional.empty();
    }

    /**
     * A path naming the sandbox's network namespace, for tools that enter it ({@code nsenter --net=<path>}): unlike
     * a process id, it cannot come to name another process's (or the host's) namespace once the sandbox is gone.
     * Empty when the sandbox is not running. The default is its process's {@code /proc/<pid>/ns/net}.
     */
    default Optional<String> sandboxNetns(String sandboxRuntimeId) {
        return sandboxPid(sandboxRuntimeId).map(pid -> "/proc/" + pid + "/ns/net");
    }

    /** Makes sure the image is present locally, pulling it if not. Returns the image id/digest. */
    String ensureImage(String image, PullProgress progress);

    /**
     * As {@link #ensureImage(String, PullProgress)}, authenticating to the image's registry with {@code auth} when
     * given. With credentials the image is always pulled (layers already present are reused), so the registry
     * decides whether these credentials may read it, as on Fargate, which always pulls; a refusal is a
     * CANNOT_PULL_CONTAINER error carrying the registry's words. A driver that cannot authenticate refuses
     * credentials rather than ignoring them.
     */
    default String ensureImage(String image, java.util.Optional<RegistryAuth> auth, PullProgress progress) {
        if (auth.isPresent()) {
            throw new RuntimeError(
                    RuntimeError.Kind.CANNOT_PULL_CONTAINER,
                    "this engine driver cannot pull with registry credentials",
                    false,
                    null);
        }
        return ensureImage(image, progress);
    }

    /** Creates a container in the sandbox's namespace. Idempotent: an existing container of that name is reused. */
    String createContainer(Sandbox sandbox, ContainerSpec spec);

    void startContainer(String runtimeId);

    /** Sends the stop signal, waits up to {@code timeout}, then kills. No-op if already exited or gone. */
    void stopContainer(String runtimeId, Duration timeout);

    ContainerObservation inspect(String runtimeId, String containerName);

    /**
     * One reading of a running container's resource use (no stream: a single sample, as {@code docker stats
     * --no-stream} takes). Empty when the container is not running or gone, or the driver cannot measure it.
     */
    default Optional<ContainerStats> stats(String runtimeId) {
        return Optional.empty();
    }

    /** Removes a container (force). No-op if gone. */
    void removeContainer(String runtimeId);

    /** Stops and removes the task's sandbox. No-op if gone. */
    void removeSandbox(String taskId);

    /** Subscribes to container exits and health changes of this installation's tasks. */
    AutoCloseable watch(Consumer<RuntimeEvent> listener);

    /**
     * Streams a container's output from {@code since} (exclusive when present) until the container exits and its
     * output is drained, or the calling thread is interrupted. Blocks the caller (meant for a virtual thread).
     */
    void followLogs(String runtimeId, Optional<Instant> since, Consumer<LogLine> sink);

    /**
     * Everything this installation has created that still exists, for recovery and the reaper: containers before
     * sandboxes, the order to remove them in (a sandbox may hold its task's containers, e.g. in its cgroup).
     * {@code running} may lag a container's exit event briefly (Docker's list does); {@link #inspect} never does.
     */
    List<OwnedObject> listOwned();

    @Override
    void close();
}
