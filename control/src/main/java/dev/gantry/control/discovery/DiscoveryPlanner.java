package dev.gantry.control.discovery;

import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskPhase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure: which instances a service's registries should hold, against what they hold. A task belongs in a registry
 * while it is RUNNING, not told to stop, has an address, and is healthy: its essential containers' health checks
 * pass (task health HEALTHY), or it has none. Deregistered as soon as its stop decision is visible (before its
 * containers stop), when it is gone, or when the service no longer names the registry. A registered task whose
 * health turns UNHEALTHY gets its health set where the registry takes custom health, and is deregistered where it
 * does not (so a name never resolves to a task ECS considers unhealthy); HEALTHY again, it is set back or
 * registered again.
 */
public final class DiscoveryPlanner {

    /** The actions for one service: deregistrations first, then health changes, then registrations. */
    public List<DiscoveryAction> plan(DiscoveryState s) {
        Map<String, Task> byId = new HashMap<>();
        s.tasks().forEach(t -> byId.put(t.taskId(), t));
        Map<String, ServiceRegistry> wanted = new LinkedHashMap<>();
        s.registries().forEach(r -> wanted.put(r.registryArn(), r));
        Map<String, DiscoveryRegistry.Instance> held = new HashMap<>();
        List<DiscoveryAction> deregister = new ArrayList<>();
        List<DiscoveryAction> health = new ArrayList<>();
        List<DiscoveryAction> register = new ArrayList<>();
        for (DiscoveryRegistry.Instance i : s.registered()) {
            if (!ours(s, i)) {
                continue; // registered by someone else (another service, RegisterInstance by hand): not ours to touch
            }
            Optional<Task> task = Optional.ofNullable(byId.get(i.instanceId()));
            DiscoveryRegistry.Registry reg = s.known().get(i.registryArn());
            boolean keep = wanted.containsKey(i.registryArn())
                    && task.filter(DiscoveryPlanner::listed).isPresent()
                    && (reg == null || reg.customHealth() || healthy(task.get()));
            if (!keep) {
                deregister.add(new DiscoveryAction.Deregister(i.registryArn(), i.instanceId()));
                continue;
            }
            held.put(key(i.registryArn(), i.instanceId()), i);
            boolean now = healthy(task.get());
            if (reg != null && reg.customHealth() && settled(task.get()) && now != i.healthy()) {
                health.add(new DiscoveryAction.SetHealth(i.registryArn(), i.instanceId(), now));
            }
        }
        for (ServiceRegistry r : wanted.values()) {
            if (!s.known().containsKey(r.registryArn())) {
                continue; // deleted from Cloud Map: nothing to register in
            }
            for (Task t : s.tasks()) {
                if (listed(t) && healthy(t) && !held.containsKey(key(r.registryArn(), t.taskId()))) {
                    register.add(new DiscoveryAction.Register(r.registryArn(), t.taskId(), attributes(s, r, t)));
                }
            }
        }
        List<DiscoveryAction> out = new ArrayList<>(deregister);
        out.addAll(health);
        out.addAll(register);
        return out;
    }

    /** Registered by ECS for this service (its ECS_CLUSTER_NAME and ECS_SERVICE_NAME attributes). */
    private static boolean ours(DiscoveryState s, DiscoveryRegistry.Instance i) {
        return s.clusterName().equals(i.attributes().get(EcsAttributes.CLUSTER))
                && s.serviceName().equals(i.attributes().get(EcsAttributes.SERVICE));
    }

    /** RUNNING, not told to stop, with an address. */
    static boolean listed(Task t) {
        return t.observed().phase() == TaskPhase.RUNNING
                && t.desired().status() == DesiredStatus.RUNNING
                && address(t).isPresent();
    }

    /** Healthy by its health checks, or RUNNING when its essential containers have none. */
    static boolean healthy(Task t) {
        return !checked(t) || t.observed().healthStatus() == HealthStatus.HEALTHY;
    }

    /** Whether the task's health is known (a checked task starts UNKNOWN). */
    private static boolean settled(Task t) {
        return !checked(t) || t.observed().healthStatus() != HealthStatus.UNKNOWN;
    }

    private static boolean checked(Task t) {
        return t.spec().containers().stream().anyMatch(c -> c.essentialOrDefault() && c.healthCheck() != null);
    }

    private static Optional<String> address(Task t) {
        return t.observed()
                .attachment()
                .map(NetworkAttachment::privateIPv4Address)
                .filter(a -> !a.isEmpty());
    }

    /** ECS's attributes for a task's instance. */
    static Map<String, String> attributes(DiscoveryState s, ServiceRegistry r, Task t) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(EcsAttributes.IPV4, address(t).orElseThrow());
        r.instancePort().ifPresent(p -> a.put(EcsAttributes.PORT, Integer.toString(p)));
        a.put(EcsAttributes.INIT_HEALTH, EcsAttributes.HEALTHY);
        a.put(EcsAttributes.CLUSTER, s.clusterName());
        a.put(EcsAttributes.SERVICE, s.serviceName());
        a.put(EcsAttributes.FAMILY, t.spec().family());
        a.put(EcsAttributes.AZ, s.region() + "a");
        a.put(EcsAttributes.REGION, s.region());
        return a;
    }

    private static String key(String registryArn, String instanceId) {
        return registryArn + "\n" + instanceId;
    }
}
