package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskResources;
import java.util.Optional;

/** One fake sandbox's mutable state. Guarded by the driver's lock. */
final class FakeSandbox {

    final String runtimeId;
    final String taskId;
    TaskResources resources;
    boolean running = true;
    /** Empty while not running: a stopped sandbox is detached from the network, as an engine's is. */
    String address;

    FakeSandbox(String runtimeId, String taskId, TaskResources resources, String address) {
        this.runtimeId = runtimeId;
        this.taskId = taskId;
        this.resources = resources;
        this.address = address;
    }

    Sandbox view(FakeNetwork network) {
        return new Sandbox(
                runtimeId,
                address,
                address.isEmpty() ? "" : FakeNetwork.mac(address),
                network.name(),
                network.subnet(),
                network.gateway(),
                Optional.empty());
    }
}
