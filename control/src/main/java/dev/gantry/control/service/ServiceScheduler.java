package dev.gantry.control.service;

import dev.gantry.control.deployment.ShiftInput.HookAnswer;
import dev.gantry.control.feed.Subscription;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.feed.TaskTransition;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.reconcile.Controller;
import dev.gantry.control.reconcile.Result;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.task.Task;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.ShiftStore;
import dev.gantry.store.ecs.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service scheduler: a {@link Controller} keyed by service ARN whose reconciler reads a service's state from
 * the store and the target group registry, asks the {@link ServicePlanner} and has the {@link ServiceApplier}
 * carry the plan out. Woken by the task feed (a change of one of the service's tasks), by target health changes,
 * by the ECS handlers ({@link #nudge}) and by periodic resync of every service that is not INACTIVE.
 */
public final class ServiceScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceScheduler.class);
    /** How far back stopped tasks are read (for the circuit breaker's failure count and back-off). */
    static final Duration STOPPED_WINDOW = Duration.ofHours(1);

    private static final String NOT_A_SERVICE_TASK = "";

    private final ServiceStore services;
    private final TaskStore tasks;
    private final TargetGroupRegistry registry;
    private final ServicePlanner planner;
    private final ServiceApplier applier;
    private final Arns arns;
    private final InstantSource clock;
    private final Controller<String> controller;
    private final Map<String, String> serviceOfTask = new ConcurrentHashMap<>();
    private volatile Optional<Subscription> subscription = Optional.empty();
    private volatile Optional<AutoCloseable> healthListener = Optional.empty();

    public ServiceScheduler(
            ServiceStore services,
            TaskStore tasks,
            TargetGroupRegistry registry,
            ServicePlanner planner,
            ServiceApplier applier,
            Arns arns,
            InstantSource clock,
            Duration resync) {
        this.services = services;
        this.tasks = tasks;
        this.registry = registry;
        this.planner = planner;
        this.applier = applier;
        this.arns = arns;
        this.clock = clock;
        this.controller = Controller.builder("services", this::reconcile)
                .clock(clock)
                .resync(resync, services::unfinishedArns)
                .build();
    }

    /** Subscribes to the feed and to target health, then starts the controller (which resyncs every service). */
    public ServiceScheduler start(TaskFeed feed) {
        subscription = Optional.of(feed.subscribe("service-scheduler", this::onTask));
        healthListener = Optional.of(registry.onHealthChange(this::onTargetHealth));
        controller.start();
        return this;
    }

    /** Asks for the service to be looked at soon (after CreateService, UpdateService, DeleteService). */
    public void nudge(String serviceArn) {
        controller.enqueue(serviceArn);
    }

    /** One pass over one service. */
    Result reconcile(String serviceArn) {
        Optional<Service> found = services.find(serviceArn);
        if (found.isEmpty() || found.get().status() == ServiceStatus.INACTIVE) {
            return Result.done();
        }
        Service svc = found.get();
        Instant now = clock.instant();
        List<Task> mine = tasks.ofGroup(svc.spec().clusterName(), svc.spec().taskGroup(), now.minus(STOPPED_WINDOW));
        mine.forEach(t -> serviceOfTask.put(t.taskId(), serviceArn));
        Map<String, TaskMark> marks = services.marks(serviceArn);
        Map<String, TargetGroupRef> groups = new HashMap<>();
        for (String arn : groupArns(svc)) {
            registry.targetGroup(arn).ifPresent(g -> groups.put(arn, g));
        }
        Map<String, TrafficShift> shifts = new HashMap<>();
        Map<String, HookAnswer> answers = new HashMap<>();
        for (ShiftStore.Stored st : services.shifts().ofService(serviceArn)) {
            shifts.put(st.shift().deploymentId(), st.shift());
            if (st.hookId().isPresent() && st.hookAction().isPresent()) {
                answers.put(
                        st.shift().deploymentId(),
                        new HookAnswer(st.hookId().get(), st.hookAction().get()));
            }
        }
        List<Deployment> deployments = services.deployments(serviceArn);
        ServiceState state = new ServiceState(
                svc,
                deployments,
                mine,
                marks,
                targetHealth(svc, deployments, shifts, mine, marks),
                groups,
                shifts,
                answers,
                now);
        Plan plan = planner.plan(state);
        applier.apply(state, plan);
        if (marks.size() > mine.size()) {
            services.retainMarks(serviceArn, mine.stream().map(Task::taskId).collect(Collectors.toSet()));
        }
        return plan.requeueAfter().map(Result::requeueAfter).orElse(Result.done());
    }

    /** The target groups of the service's load balancers, alternates included. */
    private static List<String> groupArns(Service svc) {
        List<String> out = new ArrayList<>();
        for (ServiceLoadBalancer lb : svc.spec().loadBalancers()) {
            out.add(lb.targetGroupArn());
            lb.advanced().ifPresent(a -> out.add(a.alternateTargetGroupArn()));
        }
        return out;
    }

    private Map<String, Map<String, TargetHealth>> targetHealth(
            Service svc,
            List<Deployment> deployments,
            Map<String, TrafficShift> shifts,
            List<Task> mine,
            Map<String, TaskMark> marks) {
        if (svc.spec().loadBalancers().isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, TargetHealth>> out = new HashMap<>();
        TaskCheck addresses = new TaskCheck(
                new ServiceState(
                        svc, deployments, List.of(), marks, Map.of(), Map.of(), shifts, Map.of(), clock.instant()),
                Duration.ZERO);
        for (Task t : mine) {
            TaskMark m = marks.get(t.taskId());
            if (m == null || m.registeredAt().isEmpty() || m.drainStartedAt().isPresent() || !TaskCheck.live(t)) {
                continue;
            }
            Map<String, TargetHealth> byGroup = new HashMap<>();
            for (TargetRef ref : addresses.targets(t)) {
                byGroup.put(ref.targetGroupArn(), registry.health(ref.targetGroupArn(), ref.target()));
            }
            out.put(t.taskId(), byGroup);
        }
        return out;
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
            serviceOfTask.remove(t.taskId()); // a stopped task changes no more; the next pass re-learns its own
        }
    }

    private void onTargetHealth(String targetGroupArn) {
        for (String arn : services.unfinishedArns()) {
            services.find(arn)
                    .filter(s -> groupArns(s).contains(targetGroupArn))
                    .ifPresent(s -> controller.enqueue(arn));
        }
    }

    /** Waits until no service is being worked or waiting to be (tests). */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        return controller.awaitIdle(limit);
    }

    @Override
    public void close() {
        subscription.ifPresent(Subscription::close);
        healthListener.ifPresent(h -> {
            try {
                h.close();
            } catch (Exception e) {
                LOG.atDebug().addKeyValue("error", e.getMessage()).log("target health listener close failed");
            }
        });
        controller.close();
    }

    /** The ids of the tasks this scheduler knows belong to a service (tests). */
    Set<String> knownServiceTasks() {
        return serviceOfTask.entrySet().stream()
                .filter(e -> !e.getValue().equals(NOT_A_SERVICE_TASK))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
