package dev.gantry.control.service;

import dev.gantry.control.lb.Target;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceMessages;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pure questions the planner asks about one task of a service (facts §6.1, §6.2). */
final class TaskCheck {
    private final ServiceState state;
    private final Duration healthyAfterRunning;

    TaskCheck(ServiceState state, Duration healthyAfterRunning) {
        this.state = state;
        this.healthyAfterRunning = healthyAfterRunning;
    }

    static boolean live(Task t) {
        return t.desired().status() == DesiredStatus.RUNNING && !t.isStopped();
    }

    static boolean running(Task t) {
        return t.observed().phase() == TaskPhase.RUNNING;
    }

    TaskMark mark(Task t) {
        return state.marks()
                .getOrDefault(
                        t.taskId(), TaskMark.none(t.taskId(), state.service().serviceArn()));
    }

    boolean draining(Task t) {
        return mark(t).drainStartedAt().isPresent();
    }

    boolean registered(Task t) {
        return mark(t).registeredAt().isPresent();
    }

    /**
     * Marked registered, but a target group no longer knows the target (e.g. a registry that lost it): register
     * again rather than wait for a health that never comes.
     */
    boolean lostRegistration(Task t) {
        if (!registered(t) || draining(t)) {
            return false;
        }
        Map<String, TargetHealth> h = health(t);
        return groups(t).stream() // the groups it was registered in (its deployment's, during a shift)
                .map(h::get)
                .anyMatch(x -> x != null
                        && x.state() == TargetState.UNUSED
                        && x.reason().filter("Target.NotRegistered"::equals).isPresent());
    }

    List<ServiceLoadBalancer> loadBalancers() {
        return state.service().spec().loadBalancers();
    }

    /**
     * The target group each load balancer registers this task in (by load balancer, in order): its deployment's
     * (the green or blue group of a BLUE_GREEN, LINEAR or CANARY deployment), else the load balancer's own.
     */
    List<String> groups(Task t) {
        List<String> g = state.groupsOf(t.spec().startedBy().orElse(""));
        List<ServiceLoadBalancer> lbs = loadBalancers();
        return g.size() == lbs.size()
                ? g
                : lbs.stream().map(ServiceLoadBalancer::targetGroupArn).toList();
    }

    /** The task's targets: its own IP and each load balancer's container port. Empty before it has an address. */
    List<TargetRef> targets(Task t) {
        Optional<String> ip = t.observed().attachment().map(a -> a.privateIPv4Address());
        if (ip.isEmpty() || ip.get() == null) {
            return List.of();
        }
        List<TargetRef> out = new ArrayList<>();
        List<String> groups = groups(t);
        for (int i = 0; i < loadBalancers().size(); i++) {
            out.add(new TargetRef(
                    groups.get(i), new Target(ip.get(), loadBalancers().get(i).containerPort())));
        }
        return out;
    }

    private boolean hasContainerHealthChecks(Task t) {
        return t.spec().containers().stream().anyMatch(c -> c.essentialOrDefault() && c.healthCheck() != null);
    }

    private Map<String, TargetHealth> health(Task t) {
        return state.targetHealth().getOrDefault(t.taskId(), Map.of());
    }

    private boolean pastGrace(Task t) {
        Instant started = t.observed().startedAt().orElse(t.spec().createdAt());
        return !state.now().isBefore(started.plusSeconds(state.service().spec().healthCheckGracePeriodSeconds()));
    }

    /**
     * Counts as healthy: RUNNING, not draining, container health checks HEALTHY (if any), every target healthy (if
     * load balanced); with neither, RUNNING for {@code healthyAfterRunning} (ECS: 40 s).
     */
    boolean healthy(Task t) {
        if (!live(t) || !running(t) || draining(t)) {
            return false;
        }
        boolean checks = hasContainerHealthChecks(t);
        if (checks && t.observed().healthStatus() != HealthStatus.HEALTHY) {
            return false;
        }
        if (!loadBalancers().isEmpty()) {
            if (!registered(t)) {
                return false;
            }
            Map<String, TargetHealth> h = health(t);
            return groups(t).stream()
                    .allMatch(g -> Optional.ofNullable(h.get(g))
                            .map(x -> x.state() == TargetState.HEALTHY)
                            .orElse(false));
        }
        if (checks) {
            return true;
        }
        Instant started = t.observed().startedAt().orElse(state.now());
        return !state.now().isBefore(started.plus(healthyAfterRunning));
    }

    /** When a RUNNING task with neither checks nor load balancer will count as healthy, if it does not yet. */
    Optional<Instant> healthyAt(Task t) {
        if (!live(t)
                || !running(t)
                || hasContainerHealthChecks(t)
                || !loadBalancers().isEmpty()) {
            return Optional.empty();
        }
        return t.observed().startedAt().map(s -> s.plus(healthyAfterRunning)).filter(at -> at.isAfter(state.now()));
    }

    /** Why a live task must be replaced for failing health checks (after the grace period), if it must. */
    Optional<Unhealthy> unhealthy(Task t) {
        if (!live(t) || !running(t) || draining(t) || !pastGrace(t)) {
            return Optional.empty();
        }
        String name = state.service().serviceName();
        if (t.observed().healthStatus() == HealthStatus.UNHEALTHY) {
            return Optional.of(new Unhealthy(
                    ServiceMessages.FAILED_HEALTH_CHECKS, ServiceMessages.failedHealthChecks(name, t.taskId())));
        }
        if (registered(t)) {
            List<String> groups = groups(t);
            for (int i = 0; i < groups.size(); i++) {
                ServiceLoadBalancer lb = loadBalancers().get(i);
                String group = groups.get(i);
                TargetHealth h = health(t).get(group);
                if (h != null && h.state() == TargetState.UNHEALTHY) {
                    return Optional.of(new Unhealthy(
                            ServiceMessages.failedElb(group),
                            ServiceMessages.unhealthyTarget(
                                    name,
                                    t.taskId(),
                                    lb.containerPort(),
                                    group,
                                    h.reason().orElse("Target.FailedHealthChecks"))));
                }
            }
        }
        return Optional.empty();
    }

    /** A reason to replace a task and the event that tells it. */
    record Unhealthy(String stopReason, String event) {}

    /**
     * When a task that is stopping or stopped failed (for the circuit breaker and the start back-off): it failed to
     * start, its essential container exited, or the scheduler replaced it for failing health checks.
     */
    static Optional<Instant> failedAt(Task t) {
        if (t.desired().status() != DesiredStatus.STOPPED) {
            return Optional.empty();
        }
        StopCode code = t.desired().stopCode().orElse(StopCode.UserInitiated);
        String reason = t.desired().stoppedReason().orElse("");
        boolean failed = switch (code) {
            case TaskFailedToStart, EssentialContainerExited -> true;
            case ServiceSchedulerInitiated ->
                reason.equals(ServiceMessages.FAILED_HEALTH_CHECKS)
                        || reason.startsWith(ServiceMessages.FAILED_ELB_PREFIX);
            case UserInitiated, SpotInterruption, TerminationNotice, InfrastructureHealth -> false;
        };
        if (!failed) {
            return Optional.empty();
        }
        return t.desired()
                .stopRequestedAt()
                .or(() -> t.observed().stoppedAt())
                .or(() -> Optional.of(t.spec().createdAt()));
    }
}
