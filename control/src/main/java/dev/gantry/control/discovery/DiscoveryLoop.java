package dev.gantry.control.discovery;

import dev.gantry.control.feed.Subscription;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.feed.TaskTransition;
import dev.gantry.control.reconcile.Controller;
import dev.gantry.control.reconcile.Result;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.task.Task;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.TaskStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * ECS service discovery's control loop: a {@link Controller} keyed by service ARN whose pass reads the service and
 * its tasks from the store and the service's instances from Cloud Map, asks the {@link DiscoveryPlanner} and has
 * the {@link DiscoveryApplier} carry the plan out. Woken by the task feed (any change of a service's task: RUNNING,
 * health, the stop decision, which the runner publishes with STOPPING before it signals the containers), by the ECS
 * handlers ({@link #nudge}) and by a periodic resync of every service that is not INACTIVE. Keeps no state that a
 * restart would lose, but one: the registries a service named before an UpdateService changed them (kept in memory
 * so their instances are removed; after a restart in between, the old tasks' instances there stay until removed by
 * hand). Otherwise a pass is a function of the store and Cloud Map.
 */
public final class DiscoveryLoop implements AutoCloseable {
    private static final String NOT_A_SERVICE_TASK = "";

    private final ServiceStore services;
    private final TaskStore tasks;
    private final DiscoveryRegistry registry;
    private final DiscoveryPlanner planner = new DiscoveryPlanner();
    private final DiscoveryApplier applier;
    private final Arns arns;
    private final String region;
    private final InstantSource clock;
    private final Controller<String> controller;
    private final Map<String, String> serviceOfTask = new ConcurrentHashMap<>();
    /** The registries each service named at its last pass, so one it stops naming is emptied of its instances. */
    private final Map<String, Set<String>> previously = new ConcurrentHashMap<>();

    private volatile Optional<Subscription> subscription = Optional.empty();

    public DiscoveryLoop(
            ServiceStore services,
            TaskStore tasks,
            DiscoveryRegistry registry,
            Arns arns,
            InstantSource clock,
            Duration resync) {
        this.services = services;
        this.tasks = tasks;
        this.registry = registry;
        this.applier = new DiscoveryApplier(registry);
        this.arns = arns;
        this.region = arns.region();
        this.clock = clock;
        this.controller = Controller.builder("service-discovery", this::reconcile)
                .clock(clock)
                .resync(resync, services::unfinishedArns)
                .build();
    }

    /** Subscribes to the task feed, then starts the controller (which resyncs every service). */
    public DiscoveryLoop start(TaskFeed feed) {
        subscription = Optional.of(feed.subscribe("service-discovery", this::onTask));
        controller.start();
        return this;
    }

    /** Asks for the service to be looked at soon (after CreateService, UpdateService, DeleteService). */
    public void nudge(String serviceArn) {
        controller.enqueue(serviceArn);
    }

    /** Waits until no pass is queued or running (tests and benchmarks). */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        return controller.awaitIdle(limit);
    }

    /** One pass over one service. */
    Result reconcile(String serviceArn) {
        Optional<Service> found = services.find(serviceArn);
        if (found.isEmpty()) {
            return Result.done();
        }
        Service svc = found.get();
        List<ServiceRegistry> regs =
                svc.status() == ServiceStatus.INACTIVE ? List.of() : svc.spec().serviceRegistries();
        Set<String> looked = new LinkedHashSet<>();
        regs.forEach(r -> looked.add(r.registryArn()));
        looked.addAll(previously.getOrDefault(serviceArn, Set.of()));
        if (looked.isEmpty()) {
            return Result.done(); // no registries, now or before: nothing to keep in step
        }
        List<DiscoveryRegistry.Instance> held = new ArrayList<>();
        looked.forEach(arn -> held.addAll(registry.instances(arn)));
        List<Task> mine = tasks.ofGroup(svc.spec().clusterName(), svc.spec().taskGroup(), clock.instant());
        mine.forEach(t -> serviceOfTask.put(t.taskId(), serviceArn));
        Map<String, DiscoveryRegistry.Registry> known = new HashMap<>();
        for (ServiceRegistry r : regs) {
            registry.registry(r.registryArn()).ifPresent(k -> known.put(r.registryArn(), k));
        }
        DiscoveryState state =
                new DiscoveryState(svc.spec().clusterName(), svc.spec().serviceName(), region, regs, known, mine, held);
        applier.apply(serviceArn, planner.plan(state));
        Set<String> now = regs.stream().map(ServiceRegistry::registryArn).collect(Collectors.toSet());
        if (now.isEmpty()) {
            previously.remove(serviceArn);
        } else {
            previously.put(serviceArn, now);
        }
        return Result.done();
    }

    private void onTask(TaskTransition t) {
        String service = serviceOfTask.computeIfAbsent(
                t.taskId(),
                id -> tasks.find(id)
                        .filter(task -> task.spec().group().startsWith("service:"))
                        .map(task -> arns.service(
                                task.spec().clusterName(), task.spec().group().substring("service:".length())))
                        .orElse(NOT_A_SERVICE_TASK));
        if (!service.equals(NOT_A_SERVICE_TASK)) {
            controller.enqueue(service);
        }
        if (t.isStopped()) {
            serviceOfTask.remove(t.taskId());
        }
    }

    @Override
    public void close() {
        subscription.ifPresent(Subscription::close);
        controller.close();
    }
}
