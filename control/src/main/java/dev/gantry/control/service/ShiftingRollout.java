package dev.gantry.control.service;

import dev.gantry.control.deployment.ShiftDecision;
import dev.gantry.control.deployment.ShiftInput;
import dev.gantry.control.deployment.TrafficPlanner;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentMath;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.HookRun;
import dev.gantry.core.service.LifecycleStage;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.ServiceMessages;
import dev.gantry.core.service.ShiftMessages;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One planner pass over a BLUE_GREEN, LINEAR or CANARY deployment in progress (part of {@link ServicePlanner}'s
 * pass): the {@link TrafficPlanner} moves the shift on; this starts green at 100% of the desired count (ECS ignores
 * minimumHealthyPercent and maximumPercent here), points the listener rules where the shift says, removes blue in
 * CLEAN_UP, completes the deployment once blue is gone, and after a rollback makes blue PRIMARY again (its tasks
 * never stopped) while green's tasks are removed by the passes that follow.
 */
final class ShiftingRollout {
    /** The traffic planner and what a minute of the API's deployment times lasts. */
    record Clock(TrafficPlanner planner, Duration minute) {}

    private final ServicePlanner.Pass p;
    private final Clock clock;

    ShiftingRollout(ServicePlanner.Pass p, Clock clock) {
        this.p = p;
        this.clock = clock;
    }

    Plan run(
            Map<String, Deployment> current,
            Deployment primary,
            List<Task> live,
            TrafficShift shift,
            boolean tripped,
            Failures failures) {
        ServiceState s = p.s;
        Instant now = p.now;
        int desired = s.service().effectiveDesiredCount();
        List<Task> remaining = p.remaining(live);
        List<Task> green = p.of(primary, remaining).stream()
                .filter(t -> !p.check.draining(t))
                .toList();
        List<Task> blue = remaining.stream()
                .filter(t -> !ServicePlanner.Pass.primaryOf(t, primary))
                .toList();
        boolean greenReady = green.size() >= desired
                && green.stream().filter(p.check::healthy).count() >= desired;
        ShiftDecision d = clock.planner()
                .next(new ShiftInput(
                        shift,
                        greenReady,
                        blue.isEmpty(),
                        tripped,
                        Optional.ofNullable(s.answers().get(primary.id())),
                        now,
                        clock.minute()));
        TrafficShift next = d.next();
        d.wakeAt().ifPresent(p.wakeAt::add);
        p.out.add(new Action.ShiftTraffic(next, TrafficShifts.rules(s.service().spec(), next), !next.equals(shift)));
        events(shift, next, primary);
        if (next.outcome() == TrafficShift.Outcome.ROLLED_BACK) {
            return rolledBack(current, primary, next, tripped);
        }
        int starts = 0;
        if (next.greenScaled() && green.size() < desired) {
            Duration backoff = DeploymentMath.launchBackoff(failures.consecutive());
            Optional<Instant> last = failures.last();
            if (!backoff.isZero() && last.isPresent() && now.isBefore(last.get().plus(backoff))) {
                p.out.add(new Action.Event(ServiceMessages.unableToStart(p.name)));
                p.wakeAt.add(last.get().plus(backoff));
            } else {
                starts = desired - green.size();
                p.out.add(new Action.StartTasks(primary, starts));
            }
        }
        if (green.size() > desired) {
            green.stream()
                    .sorted(Comparator.comparing((Task t) -> p.check.healthy(t))
                            .thenComparing(t -> t.spec().createdAt(), Comparator.reverseOrder()))
                    .limit(green.size() - desired)
                    .forEach(p::stopOrDrain);
        }
        if (next.inProgress() && next.stage() == LifecycleStage.CLEAN_UP) {
            blue.stream().filter(t -> !p.check.draining(t)).forEach(p::stopOrDrain);
        }
        boolean completed = next.outcome() == TrafficShift.Outcome.COMPLETED;
        if (completed) {
            current.put(
                    primary.id(),
                    primary.withRollout(RolloutState.COMPLETED, ServiceMessages.completed(primary.id()), now));
            p.out.add(new Action.Event(ServiceMessages.deploymentCompleted(p.name, primary.id())));
        }
        p.progress(current, p.remaining(live), desired);
        if (completed && starts == 0 && green.size() == desired) {
            p.out.add(new Action.Event(ServiceMessages.steadyState(p.name)));
        }
        return p.finish(completed ? Optional.empty() : Optional.of(ServicePlanner.IN_PROGRESS_POLL));
    }

    /** Green failed or a hook said ROLLBACK: blue, still serving, is PRIMARY again; green is taken down next. */
    private Plan rolledBack(Map<String, Deployment> current, Deployment primary, TrafficShift next, boolean tripped) {
        Instant now = p.now;
        String reason = tripped
                ? ServiceMessages.CIRCUIT_BREAKER_REASON
                : next.hooks().stream()
                        .filter(h ->
                                h.status().equals(HookRun.FAILED) || h.status().equals(HookRun.TIMED_OUT))
                        .map(h -> ShiftMessages.hookRollback(h.hookId()))
                        .findFirst()
                        .orElse(ServiceMessages.CIRCUIT_BREAKER_REASON);
        if (tripped) {
            p.out.add(new Action.Event(ServiceMessages.deploymentFailed(p.name, primary.id())));
        }
        p.out.add(new Action.Event(ServiceMessages.rollingBack(p.name, next.blueDeploymentId())));
        p.out.add(new Action.SaveDeployment(
                primary.withRollout(RolloutState.FAILED, reason, now).withStatus(DeploymentStatus.ACTIVE, now)));
        Deployment blue = current.get(next.blueDeploymentId());
        if (blue != null) {
            p.out.add(new Action.SaveDeployment(blue.withStatus(DeploymentStatus.PRIMARY, now)));
        }
        return p.finish(Optional.of(ServicePlanner.AFTER_ROLLBACK));
    }

    private void events(TrafficShift was, TrafficShift next, Deployment primary) {
        if (!was.testOnGreen() && next.testOnGreen()) {
            p.out.add(new Action.Event(ShiftMessages.testTraffic(p.name, primary.id())));
        }
        if (next.productionPermille() != was.productionPermille() && next.inProgress()) {
            p.out.add(new Action.Event(ShiftMessages.shifted(p.name, primary.id(), next.productionPermille())));
        }
        next.hooks().stream()
                .filter(HookRun::awaiting)
                .filter(h -> was.hooks().stream().noneMatch(w -> w.hookId().equals(h.hookId())))
                .forEach(h -> p.out.add(
                        new Action.Event(ShiftMessages.awaiting(p.name, primary.id(), h.hookId(), h.stage()))));
    }
}
