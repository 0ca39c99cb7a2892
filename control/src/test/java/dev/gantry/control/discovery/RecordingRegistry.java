package dev.gantry.control.discovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory Cloud Map for the loop's tests: the registries it knows, the instances held, every call. */
final class RecordingRegistry implements DiscoveryRegistry {
    final Map<String, Registry> known = new ConcurrentHashMap<>();
    final Map<String, Instance> instances = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Optional<Registry> registry(String registryArn) {
        return Optional.ofNullable(known.get(registryArn));
    }

    @Override
    public List<Instance> instances(String registryArn) {
        return instances.values().stream()
                .filter(i -> i.registryArn().equals(registryArn))
                .toList();
    }

    @Override
    public void register(String registryArn, String instanceId, Map<String, String> attributes) {
        calls.add("register " + instanceId);
        instances.put(registryArn + "/" + instanceId, new Instance(registryArn, instanceId, attributes, true));
    }

    @Override
    public void deregister(String registryArn, String instanceId) {
        calls.add("deregister " + instanceId);
        instances.remove(registryArn + "/" + instanceId);
    }

    @Override
    public void setHealth(String registryArn, String instanceId, boolean healthy) {
        calls.add("health " + instanceId + " " + healthy);
        instances.computeIfPresent(
                registryArn + "/" + instanceId,
                (k, i) -> new Instance(i.registryArn(), i.instanceId(), i.attributes(), healthy));
    }

    List<String> ids() {
        return instances.values().stream().map(Instance::instanceId).sorted().toList();
    }
}
