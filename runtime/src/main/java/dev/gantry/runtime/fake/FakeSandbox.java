package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskResources;
import java.util.Optional;

/** One fake sandbox's mutable state. Guarded by the driver's lock. */
final class FakeSandbox {

    final String runtimeId;
    final String taskId;
    TaskResources resources;
    /** The network it is on (moved by a claim for another network). */
    FakeNetwork network;

    boolean running = true;
    /** Empty while not running: a stopped sandbox is detached from the network, as an engine's is. */
    String address;

    FakeSandbox(String runtimeId, String taskId, TaskResources resources, FakeNetwork network, String address) {
        this.network = network;
        this.runtimeId = runtimeId;
        this.taskId = taskId;
        this.resources = resources;
        this.address = address;
    }

    Sandbox view() {
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
