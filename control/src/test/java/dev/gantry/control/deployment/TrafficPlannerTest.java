package dev.gantry.control.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.service.DeploymentStrategy;
import dev.gantry.core.service.HookRun;
import dev.gantry.core.service.LifecycleStage;
import dev.gantry.core.service.PauseHook;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.service.TrafficShift.Outcome;
import dev.gantry.core.service.TrafficShiftSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficPlannerTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);
    static final String DEP = "ecs-svc/1234567890123456789";
    final TrafficPlanner planner = new TrafficPlanner();

    static TrafficShiftSettings settings(
            DeploymentStrategy s, int bake, int step, int stepBake, int canary, int canaryBake, List<PauseHook> hooks) {
        return new TrafficShiftSettings(s, bake, step, stepBake, canary, canaryBake, hooks);
    }

    static TrafficShift shift(TrafficShiftSettings c) {
        return TrafficShift.begin(DEP, "svc", "ecs-svc/1", c, List.of("green-tg"), List.of("blue-tg"), T0);
    }

    ShiftDecision next(TrafficShift s, boolean greenReady, boolean blueGone, Instant now) {
        return planner.next(new ShiftInput(s, greenReady, blueGone, false, Optional.empty(), now, MINUTE));
    }

    /** (strategy, minutes after green is ready, expected stage, expected production permille, outcome). */
    static Stream<Arguments> timeline() {
        return Stream.of(
                // BLUE_GREEN, bake 5: all production at once, bake, then clean up (blue still there)
                Arguments.of(DeploymentStrategy.BLUE_GREEN, 0, LifecycleStage.BAKE_TIME, 1000),
                Arguments.of(DeploymentStrategy.BLUE_GREEN, 4, LifecycleStage.BAKE_TIME, 1000),
                Arguments.of(DeploymentStrategy.BLUE_GREEN, 5, LifecycleStage.CLEAN_UP, 1000),
                // LINEAR 30% every 2 min: 30, 60, 90, 100, then bake 5
                Arguments.of(DeploymentStrategy.LINEAR, 0, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, 300),
                Arguments.of(DeploymentStrategy.LINEAR, 1, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, 300),
                Arguments.of(DeploymentStrategy.LINEAR, 2, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, 600),
                Arguments.of(DeploymentStrategy.LINEAR, 4, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, 900),
                Arguments.of(DeploymentStrategy.LINEAR, 6, LifecycleStage.BAKE_TIME, 1000),
                Arguments.of(DeploymentStrategy.LINEAR, 11, LifecycleStage.CLEAN_UP, 1000),
                // CANARY 20% for 3 min, then the rest, then bake 5
                Arguments.of(DeploymentStrategy.CANARY, 0, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, 200),
                Arguments.of(DeploymentStrategy.CANARY, 2, LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, 200),
                Arguments.of(DeploymentStrategy.CANARY, 3, LifecycleStage.BAKE_TIME, 1000),
                Arguments.of(DeploymentStrategy.CANARY, 8, LifecycleStage.CLEAN_UP, 1000));
    }

    @ParameterizedTest(name = "{0} +{1} min → {2} at {3}‰")
    @MethodSource("timeline")
    void trafficMovesByTheStrategysClock(DeploymentStrategy strategy, int minutes, LifecycleStage stage, int permille) {
        TrafficShift s = shift(settings(strategy, 5, 300, 2, 200, 3, List.of()));
        // scale-up waits for green
        ShiftDecision waiting = next(s, false, false, T0);
        assertThat(waiting.next().stage()).isEqualTo(LifecycleStage.SCALE_UP);
        assertThat(waiting.next().productionPermille()).isZero();
        assertThat(waiting.next().testOnGreen()).isFalse();
        assertThat(waiting.next().greenScaled()).isTrue();
        s = next(waiting.next(), true, false, T0).next();
        // step minute by minute, as the scheduler's wake-ups would
        for (int m = 1; m <= minutes; m++) {
            s = next(s, true, false, T0.plus(MINUTE.multipliedBy(m))).next();
        }
        assertThat(s.stage()).isEqualTo(stage);
        assertThat(s.productionPermille()).isEqualTo(permille);
        assertThat(s.testOnGreen()).isTrue();
        assertThat(s.outcome()).isEqualTo(Outcome.IN_PROGRESS);
    }

    @Test
    void aBakeSaysWhenToLookAgain() {
        TrafficShift s = shift(settings(DeploymentStrategy.CANARY, 5, 300, 2, 200, 3, List.of()));
        ShiftDecision d = next(next(s, false, false, T0).next(), true, false, T0);
        assertThat(d.wakeAt()).contains(T0.plus(MINUTE.multipliedBy(3)));
    }

    @Test
    void cleanUpCompletesOnceBlueIsGone() {
        TrafficShift s = shift(settings(DeploymentStrategy.BLUE_GREEN, 0, 100, 6, 50, 10, List.of()));
        s = next(next(s, false, false, T0).next(), true, false, T0).next();
        assertThat(s.stage()).isEqualTo(LifecycleStage.CLEAN_UP);
        assertThat(next(s, true, false, T0).next().outcome()).isEqualTo(Outcome.IN_PROGRESS);
        assertThat(next(s, true, true, T0).next().outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void theCircuitBreakerRollsTrafficBackToBlue() {
        TrafficShift s = shift(settings(DeploymentStrategy.CANARY, 5, 300, 2, 200, 3, List.of()));
        s = next(next(s, false, false, T0).next(), true, false, T0).next();
        assertThat(s.productionPermille()).isEqualTo(200);
        TrafficShift back = planner.next(new ShiftInput(s, true, false, true, Optional.empty(), T0, MINUTE))
                .next();
        assertThat(back.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(back.testOnGreen()).isFalse();
        assertThat(back.greenScaled()).isFalse();
    }

    @Test
    void aPauseHookHoldsUntilContinued() {
        PauseHook hook = new PauseHook(List.of(LifecycleStage.POST_TEST_TRAFFIC_SHIFT), Optional.empty(), "ROLLBACK");
        TrafficShift s = shift(settings(DeploymentStrategy.BLUE_GREEN, 0, 100, 6, 50, 10, List.of(hook)));
        s = next(next(s, false, false, T0).next(), true, false, T0).next();
        assertThat(s.stage()).isEqualTo(LifecycleStage.POST_TEST_TRAFFIC_SHIFT);
        assertThat(s.testOnGreen()).isTrue();
        assertThat(s.productionPermille()).isZero();
        HookRun run = s.hooks().getFirst();
        assertThat(run.status()).isEqualTo(HookRun.AWAITING_ACTION);
        assertThat(next(s, true, false, T0.plus(Duration.ofDays(1))).next()).isEqualTo(s); // no timeout: waits
        TrafficShift go = planner.next(new ShiftInput(
                        s,
                        true,
                        false,
                        false,
                        Optional.of(new ShiftInput.HookAnswer(run.hookId(), "CONTINUE")),
                        T0,
                        MINUTE))
                .next();
        assertThat(go.stage()).isEqualTo(LifecycleStage.CLEAN_UP);
        assertThat(go.productionPermille()).isEqualTo(1000);
        assertThat(go.hooks().getFirst().status()).isEqualTo(HookRun.SUCCEEDED);
    }

    @Test
    void aPauseHookAnsweredRollbackOrTimedOutRollsBack() {
        PauseHook hook =
                new PauseHook(List.of(LifecycleStage.PRE_PRODUCTION_TRAFFIC_SHIFT), Optional.of(2), "ROLLBACK");
        TrafficShift s = shift(settings(DeploymentStrategy.LINEAR, 0, 100, 6, 50, 10, List.of(hook)));
        s = next(next(s, false, false, T0).next(), true, false, T0).next();
        assertThat(s.stage()).isEqualTo(LifecycleStage.PRE_PRODUCTION_TRAFFIC_SHIFT);
        assertThat(s.hooks().getFirst().expiresAt()).contains(T0.plus(MINUTE.multipliedBy(2)));
        assertThat(next(s, true, false, T0.plus(MINUTE)).next()).isEqualTo(s);
        TrafficShift timedOut =
                next(s, true, false, T0.plus(MINUTE.multipliedBy(2))).next();
        assertThat(timedOut.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(timedOut.hooks().getFirst().status()).isEqualTo(HookRun.TIMED_OUT);
        TrafficShift answered = planner.next(new ShiftInput(
                        s,
                        true,
                        false,
                        false,
                        Optional.of(
                                new ShiftInput.HookAnswer(s.hooks().getFirst().hookId(), "ROLLBACK")),
                        T0,
                        MINUTE))
                .next();
        assertThat(answered.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(answered.hooks().getFirst().status()).isEqualTo(HookRun.FAILED);
    }

    @ParameterizedTest(name = "{0}‰ → green {1}, blue {2}")
    @MethodSource("weights")
    void sharesBecomeRuleWeights(int permille, int green, int blue) {
        assertThat(Weights.of(permille)).isEqualTo(new Weights(green, blue));
        assertThat(Weights.permille(green, blue)).isEqualTo(permille);
    }

    static Stream<Arguments> weights() {
        return Stream.of(
                Arguments.of(0, 0, 100),
                Arguments.of(200, 20, 80),
                Arguments.of(1000, 100, 0),
                Arguments.of(25, 25, 975),
                Arguments.of(999, 999, 1));
    }
}
