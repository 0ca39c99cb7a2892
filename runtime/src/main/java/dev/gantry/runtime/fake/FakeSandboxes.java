package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.OwnedObject;
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

    private final FakeNetwork network;
    private final FakeIds ids;
    private final Map<String, FakeSandbox> byTask = new LinkedHashMap<>();
    private final Map<String, FakeSandbox> byId = new HashMap<>();

    FakeSandboxes(FakeNetwork network, FakeIds ids) {
        this.network = network;
        this.ids = ids;
    }

    /** The task's sandbox, made (or started again, with an address) if needed, at {@code resources}. */
    Sandbox claim(String taskId, TaskResources resources) {
        FakeSandbox sb = byTask.get(taskId);
        if (sb == null) {
            sb = new FakeSandbox(ids.newId(), taskId, resources, network.allocate());
            byTask.put(taskId, sb);
            byId.put(sb.runtimeId, sb);
        } else if (!sb.running) {
            sb.address = network.allocate(); // started again, as the Docker driver does
            sb.running = true;
        }
        sb.resources = resources;
        return sb.view(network);
    }

    Optional<Sandbox> find(String taskId) {
        return Optional.ofNullable(byTask.get(taskId)).map(sb -> sb.view(network));
    }

    /** Kills the task's sandbox: it stays, detached from the network. Returns its runtime id if it was running. */
    Optional<String> kill(String taskId) {
        FakeSandbox sb = byTask.get(taskId);
        if (sb == null || !sb.running) {
            return Optional.empty();
        }
        sb.running = false;
        network.release(sb.address);
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
        network.release(sb.address);
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
        byTask.forEach((task, sb) -> out.put(task, sb.view(network)));
        return out;
    }

    void listInto(Consumer<OwnedObject> out) {
        Collection<FakeSandbox> all = byTask.values();
        all.forEach(sb -> out.accept(new OwnedObject(
                sb.runtimeId, OwnedObject.Kind.SANDBOX, Optional.of(sb.taskId), Optional.empty(), sb.running)));
    }
}
