package dev.gantry.control.service;

import dev.gantry.control.deployment.TrafficPlanner;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentMath;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceMessages;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service scheduler's decisions, pure: {@link ServiceState} in, {@link Plan} out. It holds the desired count
 * (a task that stopped is replaced, one failing its container or target health checks after the grace period is
 * stopped and replaced), rolls deployments honouring minimumHealthyPercent and maximumPercent (facts §6.1), trips
 * the circuit breaker and rolls back (§6.2), backs off launches that keep failing, registers RUNNING tasks in their
 * target groups and drains them before stopping them, and stops everything of a DRAINING service.
 */
public final class ServicePlanner {
    /** ECS counts a task with neither container health checks nor a load balancer healthy 40 s after RUNNING. */
    public static final Duration DEFAULT_HEALTHY_AFTER_RUNNING = Duration.ofSeconds(40);
    /** How often a service with work in progress is looked at again even if no event arrives. */
    static final Duration IN_PROGRESS_POLL = Duration.ofSeconds(5);

    static final Duration AFTER_ROLLBACK = Duration.ofMillis(100);

    /** How long a minute of bakeTimeInMinutes and the other deployment minutes lasts, unless configured. */
    public static final Duration DEPLOYMENT_MINUTE = Duration.ofMinutes(1);

    private final Duration healthyAfterRunning;
    private final Duration deploymentMinute;
    private final TrafficPlanner traffic = new TrafficPlanner();

    public ServicePlanner(Duration healthyAfterRunning) {
        this(healthyAfterRunning, DEPLOYMENT_MINUTE);
    }

    /** {@code deploymentMinute}: what one minute of the API's deployment times lasts (shorter only for tests). */
    public ServicePlanner(Duration healthyAfterRunning, Duration deploymentMinute) {
        this.healthyAfterRunning = healthyAfterRunning;
        this.deploymentMinute = deploymentMinute;
    }

    public Plan plan(ServiceState state) {
        ServiceState s = TrafficShifts.begin(state);
        return new Pass(s, new TaskCheck(s, healthyAfterRunning), new ShiftingRollout.Clock(traffic, deploymentMinute))
                .run();
    }

    /** One planning pass: the working lists of a single call. */
    static final class Pass {
        final ServiceState s;
        final TaskCheck check;
        private final Service svc;
        final String name;
        final Instant now;
        final List<Action> out = new ArrayList<>();
        final List<Instant> wakeAt = new ArrayList<>();
        private final Set<String> stopping = new HashSet<>();
        /** Tasks this pass registers: registered as far as a later stop in the same pass is concerned. */
        private final Set<String> registering = new HashSet<>();

        private final List<String> stoppedIds = new ArrayList<>();
        private final Map<String, Integer> drainedPerGroup = new LinkedHashMap<>();
        private int drainedTasks;
        /** The marks as they will be after this pass's MarkHealthy actions (what failure counts use). */
        final Map<String, TaskMark> marks;

        private String scaleInReason = "Service scheduler initiated action";

        private final ShiftingRollout.Clock shiftClock;

        Pass(ServiceState s, TaskCheck check, ShiftingRollout.Clock shiftClock) {
            this.s = s;
            this.check = check;
            this.shiftClock = shiftClock;
            this.svc = s.service();
            this.name = svc.serviceName();
            this.now = s.now();
            this.marks = new java.util.HashMap<>(s.marks());
        }

        Plan run() {
            if (svc.status() == ServiceStatus.INACTIVE) {
                return new Plan(List.of(), Optional.empty());
            }
            Map<String, Deployment> current = new LinkedHashMap<>();
            s.deployments().stream()
                    .filter(d -> d.status() != DeploymentStatus.INACTIVE)
                    .forEach(d -> current.put(d.id(), d));
            Optional<Deployment> primary =
                    current.values().stream().filter(Deployment::isPrimary).findFirst();
            primary.ifPresent(p -> scaleInReason = ServiceMessages.scaledIn(p.id()));
            List<Task> live = s.tasks().stream().filter(TaskCheck::live).toList();

            deregisterFinished();
            replaceUnhealthy(live);
            register(live);
            markHealthy(live);
            stopDrained(live);
            if (svc.status() == ServiceStatus.ACTIVE && primary.isEmpty()) {
                return finish(Optional.empty()); // nothing to hold a count for (never the case after CreateService)
            }
            if (svc.status() == ServiceStatus.DRAINING) {
                List<Task> remaining = remaining(live);
                if (svc.status() == ServiceStatus.DRAINING && remaining.isEmpty()) {
                    out.add(new Action.MarkInactive());
                }
                remaining.stream().filter(t -> !check.draining(t)).forEach(this::stopOrDrain);
                return finish(remaining.isEmpty() ? Optional.empty() : Optional.of(IN_PROGRESS_POLL));
            }
            return rollOut(current, primary.get(), live);
        }

        private Plan rollOut(Map<String, Deployment> current, Deployment stored, List<Task> live) {
            DeploymentSettings cfg = svc.spec().deployment();
            int desired = svc.effectiveDesiredCount();
            Failures failures = Failures.of(stored, s.tasks(), marks);
            TrafficShift shift = s.shifts().get(stored.id());
            if (shift != null && stored.rolloutState() == RolloutState.IN_PROGRESS) {
                boolean tripped = cfg.circuitBreakerEnabled()
                        && failures.consecutive() >= DeploymentMath.circuitBreakerThreshold(desired);
                return new ShiftingRollout(this, shiftClock).run(current, stored, live, shift, tripped, failures);
            }
            boolean frozen = stored.rolloutState() == RolloutState.FAILED;
            if (stored.rolloutState() == RolloutState.IN_PROGRESS
                    && cfg.circuitBreakerEnabled()
                    && failures.consecutive() >= DeploymentMath.circuitBreakerThreshold(desired)) {
                Deployment failed =
                        stored.withRollout(RolloutState.FAILED, ServiceMessages.CIRCUIT_BREAKER_REASON, now);
                out.add(new Action.Event(ServiceMessages.deploymentFailed(name, stored.id())));
                Optional<Deployment> to = s.deployments().stream()
                        .filter(d -> !d.id().equals(stored.id()) && d.rolloutState() == RolloutState.COMPLETED)
                        .findFirst();
                if (cfg.rollback() && to.isPresent()) {
                    out.add(new Action.Event(
                            ServiceMessages.rollingBack(name, to.get().id())));
                    out.add(new Action.RollBack(failed.withStatus(DeploymentStatus.ACTIVE, now), to.get()));
                    return finish(Optional.of(AFTER_ROLLBACK));
                }
                current.put(stored.id(), failed);
                frozen = true;
            }
            final Deployment primary = current.get(stored.id());
            List<Task> remaining = remaining(live);
            int liveAll = remaining.size();
            int healthyAll = (int) remaining.stream().filter(check::healthy).count();
            List<Task> primaryLive = of(primary, remaining).stream()
                    .filter(t -> !check.draining(t))
                    .toList();
            int lower = DeploymentMath.lowerBound(desired, cfg.minimumHealthyPercent());
            int upper = DeploymentMath.upperBound(desired, cfg.maximumPercent());

            int starts = 0;
            int room = upper - liveAll;
            if (!frozen && primaryLive.size() < desired) {
                int n = Math.max(0, Math.min(desired - primaryLive.size(), room));
                Duration backoff = DeploymentMath.launchBackoff(failures.consecutive());
                if (n > 0
                        && !backoff.isZero()
                        && failures.last().isPresent()
                        && now.isBefore(failures.last().get().plus(backoff))) {
                    out.add(new Action.Event(ServiceMessages.unableToStart(name)));
                    wakeAt.add(failures.last().get().plus(backoff));
                    n = 0;
                }
                if (n > 0) {
                    out.add(new Action.StartTasks(primary, n));
                    starts = n;
                }
            }

            List<Task> candidates = new ArrayList<>();
            if (!frozen) {
                remaining.stream()
                        .filter(t -> !check.draining(t) && !primaryOf(t, primary))
                        .forEach(candidates::add);
            }
            if (primaryLive.size() > desired) {
                primaryLive.stream()
                        .sorted(Comparator.comparing((Task t) -> check.healthy(t))
                                .thenComparing(t -> t.spec().createdAt(), Comparator.reverseOrder()))
                        .limit(primaryLive.size() - desired)
                        .forEach(candidates::add);
            }
            candidates.sort(Comparator.comparing((Task t) -> check.healthy(t)));
            int budget = healthyAll - lower;
            int before = stoppedIds.size() + drainedTasks;
            for (Task c : candidates) {
                if (check.healthy(c)) {
                    if (budget <= 0) {
                        continue;
                    }
                    budget--;
                }
                stopOrDrain(c);
            }
            boolean scaledIn = stoppedIds.size() + drainedTasks > before;
            if (!frozen
                    && starts == 0
                    && !scaledIn
                    && primaryLive.size() < desired
                    && room <= 0
                    && healthyAll == liveAll
                    && !candidates.isEmpty()) {
                out.add(new Action.Event(ServiceMessages.blockedByConfiguration(name)));
            }

            remaining = remaining(live);
            boolean othersEmpty = remaining.stream().allMatch(t -> primaryOf(t, primary));
            long primaryHealthy = primaryLive.stream().filter(check::healthy).count();
            boolean settled = starts == 0
                    && !scaledIn
                    && othersEmpty
                    && primaryLive.size() == desired
                    && primaryHealthy == desired
                    && remaining.size() == desired;
            Deployment p = current.get(primary.id());
            if (p.rolloutState() == RolloutState.IN_PROGRESS && settled) {
                String reason = p.rollbackOf().isPresent() ? p.rolloutStateReason() : ServiceMessages.completed(p.id());
                current.put(p.id(), p.withRollout(RolloutState.COMPLETED, reason, now));
                out.add(new Action.Event(ServiceMessages.deploymentCompleted(name, p.id())));
            }
            progress(current, remaining, desired);
            if (settled && current.get(primary.id()).rolloutState() == RolloutState.COMPLETED) {
                out.add(new Action.Event(ServiceMessages.steadyState(name)));
            }
            boolean busy = !settled || current.get(primary.id()).rolloutState() == RolloutState.IN_PROGRESS;
            return finish(busy ? Optional.of(IN_PROGRESS_POLL) : Optional.empty());
        }

        /** Counts, desired counts and INACTIVE for drained older deployments; saved only when they change. */
        void progress(Map<String, Deployment> current, List<Task> remaining, int desired) {
            for (Deployment d : current.values()) {
                List<Task> mine = of(d, remaining);
                int running = (int) mine.stream().filter(TaskCheck::running).count();
                int failed = Failures.of(d, s.tasks(), marks).consecutive();
                Deployment next = d.withCounts(
                        d.isPrimary() ? desired : mine.size(), mine.size() - running, running, failed, now);
                if (!d.isPrimary() && mine.isEmpty()) {
                    next = next.withStatus(DeploymentStatus.INACTIVE, now);
                }
                Deployment stored = s.deployments().stream()
                        .filter(x -> x.id().equals(d.id()))
                        .findFirst()
                        .orElse(d);
                if (!next.sameProgress(stored)) {
                    out.add(new Action.SaveDeployment(next));
                }
            }
        }

        Plan finish(Optional<Duration> poll) {
            if (!stoppedIds.isEmpty()) {
                out.add(new Action.Event(ServiceMessages.stopped(name, stoppedIds)));
            }
            if (drainedTasks > 0) {
                out.add(new Action.Event(ServiceMessages.draining(name, drainedTasks)));
                drainedPerGroup.forEach(
                        (tg, n) -> out.add(new Action.Event(ServiceMessages.deregistered(name, n, tg))));
            }
            Optional<Duration> wake = wakeAt.stream()
                    .map(at -> Duration.between(now, at))
                    .map(d -> d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d)
                    .min(Duration::compareTo);
            Optional<Duration> after = poll.isEmpty()
                    ? wake
                    : Optional.of(wake.filter(w -> w.compareTo(poll.get()) < 0).orElse(poll.get()));
            return new Plan(out, after);
        }

        List<Task> remaining(List<Task> live) {
            return live.stream().filter(t -> !stopping.contains(t.taskId())).toList();
        }

        List<Task> of(Deployment d, List<Task> tasks) {
            return tasks.stream().filter(t -> primaryOf(t, d)).toList();
        }

        static boolean primaryOf(Task t, Deployment d) {
            return d.id().equals(t.spec().startedBy().orElse(""));
        }

        private void deregisterFinished() {
            for (Task t : s.tasks()) {
                if (!TaskCheck.live(t) && check.registered(t) && !check.draining(t)) {
                    out.add(new Action.DeregisterTargets(t, check.targets(t), false));
                }
            }
        }

        private void replaceUnhealthy(List<Task> live) {
            for (Task t : live) {
                check.unhealthy(t).ifPresent(u -> {
                    out.add(new Action.Event(u.event()));
                    if (check.registered(t)) {
                        out.add(new Action.DeregisterTargets(t, check.targets(t), false));
                    }
                    stop(t, u.stopReason());
                });
            }
        }

        private void register(List<Task> live) {
            if (check.loadBalancers().isEmpty()) {
                return;
            }
            Map<String, Integer> perGroup = new LinkedHashMap<>();
            for (Task t : live) {
                boolean needed = !check.registered(t) || check.lostRegistration(t);
                if (stopping.contains(t.taskId()) || !TaskCheck.running(t) || !needed || check.draining(t)) {
                    continue;
                }
                List<TargetRef> targets = check.targets(t);
                if (!targets.isEmpty()) {
                    out.add(new Action.RegisterTargets(t, targets));
                    registering.add(t.taskId());
                    targets.forEach(r -> perGroup.merge(r.targetGroupArn(), 1, Integer::sum));
                }
            }
            perGroup.forEach((tg, n) -> out.add(new Action.Event(ServiceMessages.registered(name, n, tg))));
        }

        private void markHealthy(List<Task> live) {
            for (Task t : live) {
                if (stopping.contains(t.taskId())) {
                    continue;
                }
                if (check.healthy(t) && check.mark(t).healthyAt().isEmpty()) {
                    out.add(new Action.MarkHealthy(t));
                    marks.put(t.taskId(), check.mark(t).healthy(now));
                }
                check.healthyAt(t).ifPresent(wakeAt::add);
            }
        }

        private void stopDrained(List<Task> live) {
            for (Task t : live) {
                if (stopping.contains(t.taskId()) || !check.draining(t)) {
                    continue;
                }
                Instant deadline = check.mark(t).drainStartedAt().get().plus(drainDelay());
                if (now.isBefore(deadline)) {
                    wakeAt.add(deadline);
                } else {
                    stop(t, scaleInReason);
                }
            }
        }

        private Duration drainDelay() {
            Duration max = Duration.ZERO;
            for (TargetGroupRef tg : s.targetGroups().values()) { // the load balancers' groups and alternates
                if (tg.deregistrationDelay().compareTo(max) > 0) {
                    max = tg.deregistrationDelay();
                }
            }
            return max;
        }

        /**
         * Scale-in: a registered task drains first (stopped after the deregistration delay), others stop now. A task
         * this very pass registers counts as registered: stopping it at once would leave its target in the group
         * until the next pass deregisters it, after the stop, skipping the drain.
         */
        void stopOrDrain(Task t) {
            boolean registered = check.registered(t) || registering.contains(t.taskId());
            if (!check.loadBalancers().isEmpty() && registered && !check.draining(t)) {
                List<TargetRef> targets = check.targets(t);
                out.add(new Action.DeregisterTargets(t, targets, true));
                targets.forEach(r -> drainedPerGroup.merge(r.targetGroupArn(), 1, Integer::sum));
                drainedTasks++;
                stopping.add(t.taskId());
                wakeAt.add(now.plus(drainDelay()));
            } else {
                stop(t, scaleInReason);
            }
        }

        void stop(Task t, String reason) {
            if (stopping.add(t.taskId())) {
                out.add(new Action.StopTask(t, reason));
                stoppedIds.add(t.taskId());
            }
        }
    }
}
