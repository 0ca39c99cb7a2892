package dev.gantry.control.deployment;

import dev.gantry.core.service.DeploymentStrategy;
import dev.gantry.core.service.HookRun;
import dev.gantry.core.service.LifecycleStage;
import dev.gantry.core.service.PauseHook;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.service.TrafficShift.Outcome;
import dev.gantry.core.service.TrafficShiftSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a BLUE_GREEN, LINEAR or CANARY deployment goes next, pure (facts §6.4). The stages, in order:
 *
 * <pre>
 *  PRE_SCALE_UP → SCALE_UP (green started at 100% of desired; waits until all of it is healthy)
 *   → POST_SCALE_UP → TEST_TRAFFIC_SHIFT (test rule → green) → POST_TEST_TRAFFIC_SHIFT → (PRE_PRODUCTION hook point)
 *   → PRODUCTION_TRAFFIC_SHIFT   BLUE_GREEN: 100% at once
 *                                LINEAR: stepPercent, then another every stepBakeTimeInMinutes until 100%
 *                                CANARY: canaryPercent, after canaryBakeTimeInMinutes the rest
 *   → POST_PRODUCTION_TRAFFIC_SHIFT → BAKE_TIME (bakeTimeInMinutes, both revisions kept)
 *   → CLEAN_UP (blue drained and stopped) → COMPLETED
 * </pre>
 *
 * A PAUSE hook on a stage holds the deployment there (AWAITING_ACTION) until ContinueServiceDeployment answers or
 * the hook's timeout passes. A tripped circuit breaker, or a ROLLBACK answer, rolls back: production and test
 * traffic return to blue and green is stopped. Each call advances as far as it can at {@code now}.
 */
public final class TrafficPlanner {
    private static final int MAX_STEPS = 64;

    public ShiftDecision next(ShiftInput in) {
        TrafficShift s = in.shift();
        for (int i = 0; i < MAX_STEPS && s.inProgress(); i++) {
            Step step = step(s, in);
            if (step.next().equals(s)) {
                return new ShiftDecision(s, step.wakeAt());
            }
            s = step.next();
        }
        return new ShiftDecision(s, Optional.empty());
    }

    private record Step(TrafficShift next, Optional<Instant> wakeAt) {
        static Step to(TrafficShift s) {
            return new Step(s, Optional.empty());
        }

        static Step waitUntil(TrafficShift s, Optional<Instant> at) {
            return new Step(s, at);
        }
    }

    private Step step(TrafficShift s, ShiftInput in) {
        Instant now = in.now();
        if (in.failed()) {
            return Step.to(rollBack(s, HookRun.FAILED));
        }
        Optional<HookRun> awaiting =
                s.hooks().stream().filter(HookRun::awaiting).findFirst();
        if (awaiting.isPresent()) {
            return answer(s, awaiting.get(), in);
        }
        if (!ready(s, in)) {
            return Step.waitUntil(s, readyAt(s, in));
        }
        Optional<PauseHook> hook = s.settings().hooks().stream()
                .filter(h -> h.stages().contains(s.stage()))
                .findFirst();
        if (hook.isPresent() && s.hooks().stream().noneMatch(r -> r.stage() == s.stage())) {
            HookRun run = new HookRun(
                    HookRun.idFor(s.deploymentId(), s.stage()),
                    s.stage(),
                    HookRun.AWAITING_ACTION,
                    now,
                    hook.get().timeoutInMinutes().map(m -> now.plus(in.minute().multipliedBy(m))),
                    hook.get().timeoutAction());
            List<HookRun> runs = new ArrayList<>(s.hooks());
            runs.add(run);
            return Step.waitUntil(s.withHooks(runs), run.expiresAt());
        }
        return Step.to(leave(s, now));
    }

    /** Whether the current stage's own condition holds (green healthy, a bake over, blue gone). */
    private boolean ready(TrafficShift s, ShiftInput in) {
        return switch (s.stage()) {
            case SCALE_UP -> in.greenReady();
            case PRODUCTION_TRAFFIC_SHIFT ->
                s.productionPermille() == 1000 || !in.now().isBefore(nextShiftAt(s, in));
            case BAKE_TIME ->
                !in.now()
                        .isBefore(s.stageStartedAt()
                                .plus(in.minute().multipliedBy(s.settings().bakeTimeInMinutes())));
            case CLEAN_UP -> in.blueGone();
            default -> true;
        };
    }

    private Optional<Instant> readyAt(TrafficShift s, ShiftInput in) {
        return switch (s.stage()) {
            case PRODUCTION_TRAFFIC_SHIFT -> Optional.of(nextShiftAt(s, in));
            case BAKE_TIME ->
                Optional.of(s.stageStartedAt()
                        .plus(in.minute().multipliedBy(s.settings().bakeTimeInMinutes())));
            default -> Optional.empty(); // woken by task and target-health changes
        };
    }

    private static Instant nextShiftAt(TrafficShift s, ShiftInput in) {
        TrafficShiftSettings c = s.settings();
        int minutes =
                c.strategy() == DeploymentStrategy.CANARY ? c.canaryBakeTimeInMinutes() : c.stepBakeTimeInMinutes();
        return s.lastShiftAt().plus(in.minute().multipliedBy(minutes));
    }

    /** The stage is done (and its hook, if any, passed): enter the next one and do its work. */
    private TrafficShift leave(TrafficShift s, Instant now) {
        TrafficShiftSettings c = s.settings();
        return switch (s.stage()) {
            case PRODUCTION_TRAFFIC_SHIFT -> {
                if (s.productionPermille() == 1000) {
                    yield s.at(LifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT, now);
                }
                int next = c.strategy() == DeploymentStrategy.LINEAR
                        ? Math.min(1000, s.productionPermille() + c.stepPermille())
                        : 1000;
                yield s.production(next, now);
            }
            case PRE_PRODUCTION_TRAFFIC_SHIFT ->
                s.at(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, now).production(firstShift(c), now);
            case CLEAN_UP -> s.finished(Outcome.COMPLETED);
            default -> s.at(s.stage().next(), now);
        };
    }

    private static int firstShift(TrafficShiftSettings c) {
        return switch (c.strategy()) {
            case LINEAR -> c.stepPermille();
            case CANARY -> c.canaryPermille();
            case BLUE_GREEN, ROLLING -> 1000;
        };
    }

    private Step answer(TrafficShift s, HookRun run, ShiftInput in) {
        Optional<String> action =
                in.answer().filter(a -> a.hookId().equals(run.hookId())).map(ShiftInput.HookAnswer::action);
        String status = HookRun.SUCCEEDED;
        if (action.isEmpty()) {
            if (run.expiresAt().isEmpty() || in.now().isBefore(run.expiresAt().get())) {
                return Step.waitUntil(s, run.expiresAt());
            }
            action = Optional.of(run.timeoutAction());
            status = HookRun.TIMED_OUT;
        }
        if (action.get().equals(PauseHook.ROLLBACK)) {
            return Step.to(rollBack(s, status.equals(HookRun.TIMED_OUT) ? status : HookRun.FAILED));
        }
        return Step.to(s.withHooks(replace(s.hooks(), run.withStatus(status))));
    }

    private static TrafficShift rollBack(TrafficShift s, String hookStatus) {
        List<HookRun> runs = s.hooks().stream()
                .map(r -> r.awaiting() ? r.withStatus(hookStatus) : r)
                .toList();
        return s.withHooks(runs).finished(Outcome.ROLLED_BACK);
    }

    private static List<HookRun> replace(List<HookRun> runs, HookRun changed) {
        return runs.stream()
                .map(r -> r.hookId().equals(changed.hookId()) ? changed : r)
                .toList();
    }
}
