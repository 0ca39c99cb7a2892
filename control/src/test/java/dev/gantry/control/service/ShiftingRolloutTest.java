package dev.gantry.control.service;

import static dev.gantry.control.service.ServiceFixture.NEW;
import static dev.gantry.control.service.ServiceFixture.NOW;
import static dev.gantry.control.service.ServiceFixture.OLD;
import static dev.gantry.control.service.ServiceFixture.TG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.deployment.ShiftInput.HookAnswer;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.core.lb.WeightedTargetGroup;
import dev.gantry.core.service.AdvancedConfiguration;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.DeploymentStrategy;
import dev.gantry.core.service.LifecycleStage;
import dev.gantry.core.service.PauseHook;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.service.TrafficShiftSettings;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service planner over BLUE_GREEN, LINEAR and CANARY deployments: tasks, rule weights, rollback, swap. */
class ShiftingRolloutTest {
    static final String ALT = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-green/2";
    static final String PROD = "arn:aws:elasticloadbalancing:us-east-1:000000000000:listener-rule/app/a/1/2/3";
    static final String TEST = "arn:aws:elasticloadbalancing:us-east-1:000000000000:listener-rule/app/a/1/2/4";
    static final TrafficShiftSettings CANARY_20 =
            new TrafficShiftSettings(DeploymentStrategy.CANARY, 5, 100, 6, 200, 3, List.of());

    final ServiceFixture f = new ServiceFixture();
    final Map<String, TrafficShift> shifts = new HashMap<>();
    final Map<String, HookAnswer> answers = new HashMap<>();
    TrafficShiftSettings settings = CANARY_20;

    ShiftingRolloutTest() {
        f.loadBalanced = true;
        f.desired = 2;
    }

    ServiceState state() {
        f.settings = new DeploymentSettings(100, 100, true, true, settings); // maximumPercent 100: ignored here
        ServiceState s = f.state();
        ServiceSpec o = s.service().spec();
        ServiceSpec spec = new ServiceSpec(
                o.serviceArn(),
                o.serviceName(),
                o.clusterArn(),
                o.clusterName(),
                o.desiredCount(),
                List.of(new ServiceLoadBalancer(
                        TG,
                        "app",
                        8080,
                        Optional.of(new AdvancedConfiguration(ALT, PROD, Optional.of(TEST), Optional.empty())))),
                o.deployment(),
                o.healthCheckGracePeriodSeconds(),
                o.propagateTags(),
                o.enableECSManagedTags(),
                o.createdAt(),
                o.createdBy());
        Map<String, TargetGroupRef> groups = new HashMap<>(s.targetGroups());
        groups.put(ALT, new TargetGroupRef(ALT, "web-green", "HTTP", 8080, "ip", List.of(), Duration.ofSeconds(10)));
        return new ServiceState(
                new Service(spec, s.service().status()),
                s.deployments(),
                s.tasks(),
                s.marks(),
                s.targetHealth(),
                groups,
                shifts,
                answers,
                NOW);
    }

    Plan plan() {
        return new ServicePlanner(ServicePlanner.DEFAULT_HEALTHY_AFTER_RUNNING).plan(state());
    }

    /** Blue: the completed OLD deployment with two healthy tasks in TG; green: NEW, just created. */
    void blueServing() {
        f.rolling();
        f.markRegistered(f.running(OLD), TargetHealth.healthy());
        f.markRegistered(f.running(OLD), TargetHealth.healthy());
    }

    Task greenHealthy() {
        Task t = f.running(NEW);
        f.markRegistered(t, TargetHealth.healthy());
        f.health.put(t.taskId(), Map.of(ALT, TargetHealth.healthy()));
        return t;
    }

    static Action.ShiftTraffic shift(Plan p) {
        return p.all(Action.ShiftTraffic.class).getFirst();
    }

    static List<WeightedTargetGroup> forward(Plan p, String rule) {
        return shift(p).rules().stream()
                .filter(r -> r.ruleArn().equals(rule))
                .findFirst()
                .orElseThrow()
                .groups();
    }

    static List<WeightedTargetGroup> split(int blue, int green) {
        return List.of(new WeightedTargetGroup(TG, blue), new WeightedTargetGroup(ALT, green));
    }

    @Test
    void aNewDeploymentStartsGreenAtFullSizeInTheAlternateGroupWithAllTrafficOnBlue() {
        blueServing();
        Plan p = plan();
        TrafficShift s = shift(p).shift();
        assertThat(s.stage()).isEqualTo(LifecycleStage.SCALE_UP);
        assertThat(s.greenGroups()).containsExactly(ALT);
        assertThat(s.blueGroups()).containsExactly(TG);
        assertThat(shift(p).changed()).isTrue();
        assertThat(p.all(Action.StartTasks.class)).singleElement().satisfies(a -> {
            assertThat(a.deployment().id()).isEqualTo(NEW);
            assertThat(a.count()).isEqualTo(2); // despite maximumPercent 100
        });
        assertThat(p.all(Action.StopTask.class)).isEmpty();
        assertThat(p.all(Action.DeregisterTargets.class)).isEmpty();
        assertThat(forward(p, PROD)).isEqualTo(split(100, 0));
        assertThat(forward(p, TEST)).isEqualTo(split(100, 0));
    }

    @Test
    void greenTasksRegisterInTheAlternateGroup() {
        blueServing();
        shifts.put(NEW, shift(plan()).shift());
        Task g = f.running(NEW);
        assertThat(plan().all(Action.RegisterTargets.class)).singleElement().satisfies(r -> {
            assertThat(r.task().taskId()).isEqualTo(g.taskId());
            assertThat(r.targets()).extracting(TargetRef::targetGroupArn).containsExactly(ALT);
        });
    }

    @Test
    void onceGreenIsHealthyTestTrafficMovesAndTheCanaryTakesItsShare() {
        blueServing();
        shifts.put(NEW, shift(plan()).shift());
        greenHealthy();
        greenHealthy();
        Plan p = plan();
        assertThat(shift(p).shift().stage()).isEqualTo(LifecycleStage.PRODUCTION_TRAFFIC_SHIFT);
        assertThat(forward(p, TEST)).isEqualTo(split(0, 100));
        assertThat(forward(p, PROD)).isEqualTo(split(80, 20));
        assertThat(p.all(Action.StopTask.class)).isEmpty();
        assertThat(p.all(Action.DeregisterTargets.class)).isEmpty();
        assertThat(p.all(Action.SaveDeployment.class))
                .noneMatch(s ->
                        s.deployment().id().equals(NEW) && s.deployment().rolloutState() == RolloutState.COMPLETED);
        assertThat(p.requeueAfter()).isPresent();
    }

    @Test
    void cleanUpDrainsBlueThenTheDeploymentCompletes() {
        settings = new TrafficShiftSettings(DeploymentStrategy.BLUE_GREEN, 0, 100, 6, 50, 10, List.of());
        blueServing();
        shifts.put(NEW, shift(plan()).shift());
        greenHealthy();
        greenHealthy();
        Plan p = plan();
        assertThat(shift(p).shift().stage()).isEqualTo(LifecycleStage.CLEAN_UP);
        assertThat(forward(p, PROD)).isEqualTo(split(0, 100));
        assertThat(p.all(Action.DeregisterTargets.class)).hasSize(2).allSatisfy(d -> {
            assertThat(d.drain()).isTrue();
            assertThat(d.targets()).extracting(TargetRef::targetGroupArn).containsExactly(TG);
        });
        // blue's tasks stopped: the shift and the deployment complete
        shifts.put(NEW, shift(p).shift());
        f.tasks.removeIf(t -> t.spec().startedBy().orElse("").equals(OLD));
        f.stopped(OLD, StopCode.ServiceSchedulerInitiated, "Scaling activity", 1);
        Plan done = plan();
        assertThat(shift(done).shift().outcome()).isEqualTo(TrafficShift.Outcome.COMPLETED);
        assertThat(done.all(Action.SaveDeployment.class))
                .anySatisfy(s -> {
                    assertThat(s.deployment().id()).isEqualTo(NEW);
                    assertThat(s.deployment().rolloutState()).isEqualTo(RolloutState.COMPLETED);
                })
                .anySatisfy(s -> {
                    assertThat(s.deployment().id()).isEqualTo(OLD);
                    assertThat(s.deployment().status()).isEqualTo(DeploymentStatus.INACTIVE);
                });
    }

    @Test
    void theCircuitBreakerSendsTrafficBackToBlueWhichIsPrimaryAgain() {
        blueServing();
        shifts.put(NEW, shift(plan()).shift());
        greenHealthy();
        greenHealthy();
        shifts.put(NEW, shift(plan()).shift()); // canary: 20% on green
        for (int i = 0; i < 3; i++) {
            f.stopped(NEW, StopCode.EssentialContainerExited, "Essential container in task exited", 5);
        }
        f.tasks.removeIf(t -> t.spec().startedBy().orElse("").equals(NEW) && ServiceFixture.desiredRunning(t));
        Plan p = plan();
        assertThat(shift(p).shift().outcome()).isEqualTo(TrafficShift.Outcome.ROLLED_BACK);
        assertThat(forward(p, PROD)).isEqualTo(split(100, 0));
        assertThat(forward(p, TEST)).isEqualTo(split(100, 0));
        assertThat(p.all(Action.StartTasks.class)).isEmpty();
        assertThat(p.all(Action.RollBack.class)).isEmpty(); // blue never stopped: nothing to start again
        assertThat(p.all(Action.SaveDeployment.class))
                .anySatisfy(s -> {
                    assertThat(s.deployment().id()).isEqualTo(NEW);
                    assertThat(s.deployment().rolloutState()).isEqualTo(RolloutState.FAILED);
                    assertThat(s.deployment().status()).isEqualTo(DeploymentStatus.ACTIVE);
                })
                .anySatisfy(s -> {
                    assertThat(s.deployment().id()).isEqualTo(OLD);
                    assertThat(s.deployment().status()).isEqualTo(DeploymentStatus.PRIMARY);
                });
    }

    @Test
    void aPauseHookHoldsProductionOnBlueWhileTestTrafficReachesGreen() {
        settings = new TrafficShiftSettings(
                DeploymentStrategy.BLUE_GREEN,
                0,
                100,
                6,
                50,
                10,
                List.of(new PauseHook(List.of(LifecycleStage.POST_TEST_TRAFFIC_SHIFT), Optional.empty(), "ROLLBACK")));
        blueServing();
        shifts.put(NEW, shift(plan()).shift());
        greenHealthy();
        greenHealthy();
        Plan paused = plan();
        TrafficShift s = shift(paused).shift();
        assertThat(s.stage()).isEqualTo(LifecycleStage.POST_TEST_TRAFFIC_SHIFT);
        assertThat(forward(paused, TEST)).isEqualTo(split(0, 100));
        assertThat(forward(paused, PROD)).isEqualTo(split(100, 0));
        shifts.put(NEW, s);
        answers.put(NEW, new HookAnswer(s.hooks().getFirst().hookId(), "CONTINUE"));
        assertThat(forward(plan(), PROD)).isEqualTo(split(0, 100));
    }

    @Test
    void theNextDeploymentSwapsTheGroups() {
        blueServing();
        TrafficShift first = shift(plan()).shift().finished(TrafficShift.Outcome.COMPLETED);
        // a deployment after a completed shift: its tasks register where production now is (ALT) ...
        shifts.put(NEW, first);
        assertThat(state().groupsOf("ecs-svc/3333333333333333333")).containsExactly(ALT);
        // ... and the one after it shifts from ALT back to TG
        assertThat(state().groupsOf(OLD)).containsExactly(TG);
    }
}
