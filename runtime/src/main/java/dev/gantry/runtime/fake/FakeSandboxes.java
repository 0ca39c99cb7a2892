package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.NetworkSpec;
import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskResources;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The fake engine's sandboxes, by task and by runtime id, with their network. Guarded by the driver's lock. */
final class FakeSandboxes {

    static final String NO_SUCH_CONTAINER = "No such container: %s";
    static final String NOT_RUNNING = "cannot join network of a non running container: %s";

    static final String NETWORK_IN_USE = "error while removing network: network %s has active endpoints";
    static final String NO_SUCH_NETWORK = "network %s not found";
    static final String OVERLAPS = "Pool overlaps with other one on this address space (%s overlaps %s of network %s)";

    private final FakeNetwork network;
    private final Map<String, FakeNetwork> networks = new LinkedHashMap<>();
    private final FakeIds ids;
    private final Map<String, FakeSandbox> byTask = new LinkedHashMap<>();
    private final Map<String, FakeSandbox> byId = new HashMap<>();

    FakeSandboxes(FakeNetwork network, FakeIds ids) {
        this.network = network;
        this.ids = ids;
        networks.put(network.name(), network);
    }

    /** Adds the network (kept when one of that name and range exists); refuses a range that overlaps another. */
    void ensureNetwork(NetworkSpec spec) {
        FakeNetwork wanted = new FakeNetwork(spec.name(), spec.cidr(), spec.internal());
        FakeNetwork existing = networks.get(spec.name());
        if (existing != null) {
            if (!existing.subnet().equals(spec.cidr())) {
                throw new RuntimeError(
                        RuntimeError.Kind.NETWORK_CONFLICT,
                        "network " + spec.name() + " exists with range " + existing.subnet() + ", not " + spec.cidr(),
                        false,
                        null);
            }
            return;
        }
        for (FakeNetwork other : networks.values()) {
            if (other.overlaps(wanted)) {
                throw new RuntimeError(
                        RuntimeError.Kind.NETWORK_CONFLICT,
                        String.format(OVERLAPS, spec.cidr(), other.subnet(), other.name()),
                        false,
                        null);
            }
        }
        networks.put(spec.name(), wanted);
    }

    /** Removes the network; refuses while a sandbox is on it; no-op when it is gone. */
    void removeNetwork(String name) {
        FakeNetwork n = networks.get(name);
        if (n == null || n == network) {
            return;
        }
        if (byTask.values().stream().anyMatch(sb -> sb.network == n)) {
            throw new RuntimeError(RuntimeError.Kind.SANDBOX_FAILED, String.format(NETWORK_IN_USE, name), true, null);
        }
        networks.remove(name);
    }

    /** The networks the fake engine has, by name. */
    Map<String, String> networks() {
        Map<String, String> out = new LinkedHashMap<>();
        networks.forEach((name, n) -> out.put(name, n.subnet()));
        return out;
    }

    /** As {@link #claim(String, TaskResources)}, on the network {@code name} (moved there from the default one). */
    Sandbox claim(String taskId, TaskResources resources, Optional<String> name) {
        FakeNetwork target = name.map(n -> Optional.ofNullable(networks.get(n))
                        .orElseThrow(() -> new RuntimeError(
                                RuntimeError.Kind.SANDBOX_FAILED, String.format(NO_SUCH_NETWORK, n), false, null)))
                .orElse(network);
        claim(taskId, resources);
        FakeSandbox sb = byTask.get(taskId);
        if (sb.network != target) {
            sb.network.release(sb.address);
            sb.network = target;
            sb.address = target.allocate();
        }
        return sb.view();
    }

    /** The task's sandbox, made (or started again, with an address) if needed, at {@code resources}. */
    Sandbox claim(String taskId, TaskResources resources) {
        FakeSandbox sb = byTask.get(taskId);
        if (sb == null) {
            sb = new FakeSandbox(ids.newId(), taskId, resources, network, network.allocate());
            byTask.put(taskId, sb);
            byId.put(sb.runtimeId, sb);
        } else if (!sb.running) {
            sb.address = sb.network.allocate(); // started again, as the Docker driver does
            sb.running = true;
        }
        sb.resources = resources;
        return sb.view();
    }

    Optional<Sandbox> find(String taskId) {
        return Optional.ofNullable(byTask.get(taskId)).map(sb -> sb.view());
    }

    /** Kills the task's sandbox: it stays, detached from the network. Returns its runtime id if it was running. */
    Optional<String> kill(String taskId) {
        FakeSandbox sb = byTask.get(taskId);
        if (sb == null || !sb.running) {
            return Optional.empty();
        }
        sb.running = false;
        sb.network.release(sb.address);
        sb.address = "";
        return Optional.of(sb.runtimeId);
    }

    /** Removes the sandbox of {@code taskId}, if any, and says which it removed. */
    Optional<FakeSandbox> removeByTask(String taskId) {
        return Optional.ofNullable(byTask.get(taskId)).map(this::drop);
    }

    /** Removes the sandbox with this runtime id, if any (the reaper removes by id). */
    Optional<FakeSandbox> removeById(String runtimeId) {
        return Optional.ofNullable(byId.get(runtimeId)).map(this::drop);
    }

    private FakeSandbox drop(FakeSandbox sb) {
        byTask.remove(sb.taskId);
        byId.remove(sb.runtimeId);
        sb.network.release(sb.address);
        return sb;
    }

    /** A stand-in process id for a running sandbox (stable per sandbox), as the engine reports its init's. */
    Optional<Long> pid(String runtimeId) {
        FakeSandbox sb = byId.get(runtimeId);
        return sb == null || !sb.running ? Optional.empty() : Optional.of(1000L + (runtimeId.hashCode() & 0xFFFF));
    }

    /** Why a container joining {@code sandboxId}'s namespace cannot start, if it cannot. */
    Optional<String> cannotJoin(String sandboxId) {
        FakeSandbox sb = byId.get(sandboxId);
        if (sb == null) {
            return Optional.of(String.format(NO_SUCH_CONTAINER, sandboxId));
        }
        return sb.running ? Optional.empty() : Optional.of(String.format(NOT_RUNNING, sandboxId));
    }

    Map<String, Sandbox> views() {
        Map<String, Sandbox> out = new LinkedHashMap<>();
        byTask.forEach((task, sb) -> out.put(task, sb.view()));
        return out;
    }

    void listInto(Consumer<OwnedObject> out) {
        Collection<FakeSandbox> all = byTask.values();
        all.forEach(sb -> out.accept(new OwnedObject(
                sb.runtimeId, OwnedObject.Kind.SANDBOX, Optional.of(sb.taskId), Optional.empty(), sb.running)));
    }
}
