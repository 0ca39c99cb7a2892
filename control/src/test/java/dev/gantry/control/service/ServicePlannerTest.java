package dev.gantry.control.service;

import static dev.gantry.control.service.ServiceFixture.NEW;
import static dev.gantry.control.service.ServiceFixture.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.ServiceMessages;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scheduler's rules as tables: state in, actions out. */
class ServicePlannerTest {

    private static int started(Plan p) {
        return p.all(Action.StartTasks.class).stream()
                .mapToInt(Action.StartTasks::count)
                .sum();
    }

    private static List<String> events(Plan p) {
        return p.all(Action.Event.class).stream().map(Action.Event::message).toList();
    }

    private static List<Deployment> saved(Plan p) {
        return p.all(Action.SaveDeployment.class).stream()
                .map(Action.SaveDeployment::deployment)
                .toList();
    }

    @Test
    void aNewServiceStartsItsDesiredCount() {
        ServiceFixture f = new ServiceFixture();
        f.desired = 3;
        f.deployment(NEW, DeploymentStatus.PRIMARY, RolloutState.IN_PROGRESS);
        Plan p = f.plan();
        assertThat(p.all(Action.StartTasks.class)).singleElement().satisfies(s -> {
            assertThat(s.count()).isEqualTo(3);
            assertThat(s.deployment().id()).isEqualTo(NEW);
        });
        assertThat(p.requeueAfter()).isPresent();
    }

    @Test
    void aSteadyServiceDoesNothingButSayItIsSteady() {
        ServiceFixture f = new ServiceFixture().steady();
        Task a = f.running(NEW);
        Task b = f.running(NEW);
        f.markHealthy(a, 10);
        f.markHealthy(b, 10);
        Plan p = f.plan();
        assertThat(started(p)).isZero();
        assertThat(p.all(Action.StopTask.class)).isEmpty();
        assertThat(events(p)).containsExactly(ServiceMessages.steadyState("web"));
        assertThat(p.requeueAfter()).isEmpty();
    }

    @Test
    void aTaskThatExitedIsReplaced() {
        ServiceFixture f = new ServiceFixture().steady();
        f.running(NEW);
        f.stopped(NEW, StopCode.EssentialContainerExited, "Essential container in task exited", 1);
        Plan p = f.plan();
        assertThat(started(p)).isEqualTo(1);
        assertThat(events(p)).doesNotContain(ServiceMessages.steadyState("web"));
    }

    /** desired, min%, max%, old healthy, new healthy, new pending → starts, stops of old tasks. */
    static Stream<Arguments> rolling() {
        return Stream.of(
                Arguments.of(4, 100, 200, 4, 0, 0, 4, 0), // start all new first, stop nothing
                Arguments.of(4, 100, 200, 4, 2, 2, 0, 2), // 6 healthy, 4 must stay: 2 old go
                Arguments.of(4, 100, 200, 4, 4, 0, 0, 4), // all new healthy: every old one goes
                Arguments.of(4, 50, 100, 4, 0, 0, 0, 2), // no room: stop down to ceil(4*0.5) = 2 first
                Arguments.of(4, 50, 100, 2, 0, 0, 2, 0), // then fill up to floor(4*1.0) = 4
                Arguments.of(3, 50, 150, 3, 0, 0, 1, 1), // lower ceil(1.5) = 2, upper floor(4.5) = 4
                Arguments.of(4, 0, 100, 4, 0, 0, 0, 4), // min 0: every old task may go at once
                Arguments.of(4, 100, 125, 4, 0, 0, 1, 0)); // upper floor(5) = 5: one at a time
    }

    @ParameterizedTest(name = "desired {0}, min {1}%, max {2}%, old {3}, new {4}+{5} pending -> start {6}, stop {7}")
    @MethodSource
    void rolling(int desired, int min, int max, int oldHealthy, int newHealthy, int newPending, int starts, int stops) {
        ServiceFixture f = new ServiceFixture().rolling();
        f.desired = desired;
        f.settings = new DeploymentSettings(min, max, false, false);
        for (int i = 0; i < oldHealthy; i++) {
            f.running(OLD);
        }
        for (int i = 0; i < newHealthy; i++) {
            f.running(NEW);
        }
        for (int i = 0; i < newPending; i++) {
            f.pending(NEW);
        }
        Plan p = f.plan();
        assertThat(started(p)).as("starts").isEqualTo(starts);
        assertThat(p.all(Action.StopTask.class)).as("stops").hasSize(stops).allSatisfy(s -> {
            assertThat(s.task().spec().startedBy()).contains(OLD);
            assertThat(s.reason()).isEqualTo(ServiceMessages.scaledIn(NEW));
        });
    }

    @Test
    void aConfigurationThatAllowsNoStepSaysSo() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.settings = new DeploymentSettings(100, 100, false, false);
        f.running(OLD);
        f.running(OLD);
        Plan p = f.plan();
        assertThat(started(p)).isZero();
        assertThat(p.all(Action.StopTask.class)).isEmpty();
        assertThat(events(p)).contains(ServiceMessages.blockedByConfiguration("web"));
    }

    @Test
    void aRolloutCompletesWhenTheNewTasksAreHealthyAndTheOldOnesGone() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.running(NEW);
        f.running(NEW);
        f.stopped(OLD, StopCode.ServiceSchedulerInitiated, ServiceMessages.scaledIn(NEW), 5);
        Plan p = f.plan();
        assertThat(saved(p)).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo(NEW);
            assertThat(d.rolloutState()).isEqualTo(RolloutState.COMPLETED);
            assertThat(d.rolloutStateReason()).isEqualTo(ServiceMessages.completed(NEW));
            assertThat(d.runningCount()).isEqualTo(2);
        });
        assertThat(saved(p)).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo(OLD);
            assertThat(d.status()).isEqualTo(DeploymentStatus.INACTIVE);
        });
        assertThat(events(p))
                .containsExactly(ServiceMessages.deploymentCompleted("web", NEW), ServiceMessages.steadyState("web"));
    }

    @Test
    void noChecksNoLoadBalancerMeansHealthy40SecondsAfterRunning() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.justStarted(NEW);
        f.justStarted(NEW);
        f.running(OLD);
        f.running(OLD);
        Plan p = f.plan();
        assertThat(p.all(Action.StopTask.class)).isEmpty();
        assertThat(p.requeueAfter()).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void withContainerHealthChecksOnlyHealthyCounts() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.healthChecks = true;
        f.running(NEW); // RUNNING for a minute, health still UNKNOWN
        f.runningHealthy(NEW);
        f.runningHealthy(OLD);
        f.runningHealthy(OLD);
        Plan p = f.plan();
        assertThat(p.all(Action.StopTask.class)).hasSize(1); // 3 healthy, 2 must stay
        assertThat(p.all(Action.MarkHealthy.class)).hasSize(3);
    }

    static Stream<Arguments> unhealthy() {
        return Stream.of(
                Arguments.of(0, 30, true), // past a zero grace period: replaced
                Arguments.of(60, 30, false), // within the grace period: kept
                Arguments.of(60, 90, true)); // grace period over: replaced
    }

    @ParameterizedTest(name = "grace {0}s, started {1}s ago -> replaced {2}")
    @MethodSource
    void unhealthy(int grace, int startedAgo, boolean replaced) {
        ServiceFixture f = new ServiceFixture().steady();
        f.healthChecks = true;
        f.grace = grace;
        f.runningHealthy(NEW);
        Task sick = f.runningUnhealthy(NEW, startedAgo);
        Plan p = f.plan();
        if (replaced) {
            assertThat(p.all(Action.StopTask.class)).singleElement().satisfies(s -> {
                assertThat(s.task().taskId()).isEqualTo(sick.taskId());
                assertThat(s.reason()).isEqualTo(ServiceMessages.FAILED_HEALTH_CHECKS);
            });
            assertThat(events(p)).contains(ServiceMessages.failedHealthChecks("web", sick.taskId()));
            assertThat(started(p)).isEqualTo(1);
        } else {
            assertThat(p.all(Action.StopTask.class)).isEmpty();
        }
    }

    @Test
    void theCircuitBreakerRollsBackToTheLastCompletedDeployment() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.settings = new DeploymentSettings(100, 200, true, true);
        f.running(OLD);
        f.running(OLD);
        for (int i = 0; i < 3; i++) { // threshold for desired 2: max(3, ceil(1)) = 3
            f.stopped(NEW, StopCode.EssentialContainerExited, "Essential container in task exited", 10 + i);
        }
        Plan p = f.plan();
        assertThat(p.all(Action.RollBack.class)).singleElement().satisfies(r -> {
            assertThat(r.to().id()).isEqualTo(OLD);
            assertThat(r.failed().rolloutState()).isEqualTo(RolloutState.FAILED);
            assertThat(r.failed().status()).isEqualTo(DeploymentStatus.ACTIVE);
            assertThat(r.failed().rolloutStateReason()).isEqualTo(ServiceMessages.CIRCUIT_BREAKER_REASON);
        });
        assertThat(events(p))
                .containsExactly(ServiceMessages.deploymentFailed("web", NEW), ServiceMessages.rollingBack("web", OLD));
        assertThat(started(p)).isZero();
    }

    @Test
    void withoutRollbackTheFailedDeploymentStopsLaunching() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.settings = new DeploymentSettings(100, 200, true, false);
        f.running(OLD);
        f.running(OLD);
        for (int i = 0; i < 3; i++) {
            f.stopped(NEW, StopCode.TaskFailedToStart, "CannotPullContainerError: x", 10 + i);
        }
        Plan p = f.plan();
        assertThat(p.all(Action.RollBack.class)).isEmpty();
        assertThat(started(p)).isZero();
        assertThat(p.all(Action.StopTask.class)).isEmpty();
        assertThat(saved(p)).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo(NEW);
            assertThat(d.rolloutState()).isEqualTo(RolloutState.FAILED);
            assertThat(d.failedTasks()).isEqualTo(3);
        });
    }

    @Test
    void aHealthyTaskResetsTheFailureCount() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.settings = new DeploymentSettings(100, 200, true, true);
        f.stopped(NEW, StopCode.EssentialContainerExited, "x", 100);
        f.stopped(NEW, StopCode.EssentialContainerExited, "x", 90);
        Task good = f.running(NEW);
        f.markHealthy(good, 50);
        f.stopped(NEW, StopCode.EssentialContainerExited, "x", 10);
        f.stopped(NEW, StopCode.EssentialContainerExited, "x", 5);
        Plan p = f.plan();
        assertThat(p.all(Action.RollBack.class)).isEmpty();
        assertThat(started(p)).isEqualTo(1);
    }

    @Test
    void tasksThatKeepFailingToStartBackOff() {
        ServiceFixture f = new ServiceFixture().steady();
        f.deployments.set(0, f.deployments.get(0).withRollout(RolloutState.IN_PROGRESS, "", ServiceFixture.NOW));
        for (int i = 0; i < 4; i++) {
            f.stopped(NEW, StopCode.TaskFailedToStart, "CannotPullContainerError: x", 1 + i);
        }
        Plan p = f.plan();
        assertThat(started(p)).isZero();
        assertThat(events(p)).contains(ServiceMessages.unableToStart("web"));
        // 4 failures in a row: launch again 10 s after the last (1 s ago); the 5 s poll of a rollout comes first
        assertThat(p.requeueAfter()).hasValue(Duration.ofSeconds(5));
    }

    @Test
    void aLoadBalancedTaskIsRegisteredWhenRunningAndCountsOnlyWhenItsTargetIsHealthy() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.loadBalanced = true;
        Task fresh = f.running(NEW);
        Task initial = f.running(NEW);
        f.markRegistered(initial, TargetHealth.of(TargetState.INITIAL, "Elb.InitialHealthChecking", "x"));
        Task old1 = f.running(OLD);
        Task old2 = f.running(OLD);
        f.markRegistered(old1, TargetHealth.healthy());
        f.markRegistered(old2, TargetHealth.healthy());
        Plan p = f.plan();
        assertThat(p.all(Action.RegisterTargets.class)).singleElement().satisfies(r -> {
            assertThat(r.task().taskId()).isEqualTo(fresh.taskId());
            assertThat(r.targets())
                    .singleElement()
                    .satisfies(t -> assertThat(t.target().port()).isEqualTo(8080));
        });
        assertThat(p.all(Action.DeregisterTargets.class)).isEmpty(); // no new task is healthy yet
        assertThat(events(p)).contains(ServiceMessages.registered("web", 1, ServiceFixture.TG));
    }

    @Test
    void aLoadBalancedTaskDrainsBeforeItIsStopped() {
        ServiceFixture f = new ServiceFixture().rolling();
        f.loadBalanced = true;
        for (int i = 0; i < 2; i++) {
            f.markRegistered(f.running(NEW), TargetHealth.healthy());
        }
        Task old = f.running(OLD);
        f.markRegistered(old, TargetHealth.healthy());
        Task drained = f.running(OLD);
        f.markRegistered(drained, TargetHealth.healthy());
        f.markDraining(drained, 11); // delay is 10 s: over
        Plan p = f.plan();
        assertThat(p.all(Action.DeregisterTargets.class)).singleElement().satisfies(d -> {
            assertThat(d.task().taskId()).isEqualTo(old.taskId());
            assertThat(d.drain()).isTrue();
        });
        assertThat(p.all(Action.StopTask.class))
                .singleElement()
                .satisfies(s -> assertThat(s.task().taskId()).isEqualTo(drained.taskId()));
        assertThat(events(p)).contains(ServiceMessages.draining("web", 1));
    }

    @Test
    void aTaskRegisteredInThePassThatScalesItInDrainsRatherThanStoppingAtOnce() {
        // an old task turned RUNNING just as a new deployment began: this pass registers it, then scales it in
        ServiceFixture f = new ServiceFixture().rolling();
        f.loadBalanced = true;
        f.markRegistered(f.running(OLD), TargetHealth.healthy());
        Task fresh = f.running(OLD);
        Plan p = f.plan();
        assertThat(p.all(Action.RegisterTargets.class))
                .singleElement()
                .satisfies(r -> assertThat(r.task().taskId()).isEqualTo(fresh.taskId()));
        assertThat(p.all(Action.StopTask.class))
                .as("not stopped in the pass that registers it")
                .isEmpty();
        assertThat(p.all(Action.DeregisterTargets.class)).singleElement().satisfies(d -> {
            assertThat(d.task().taskId()).isEqualTo(fresh.taskId());
            assertThat(d.drain()).isTrue();
        });
        assertThat(p.requeueAfter()).isPresent();
    }

    @Test
    void anUnhealthyTargetAfterTheGracePeriodGetsTheTaskReplaced() {
        ServiceFixture f = new ServiceFixture().steady();
        f.loadBalanced = true;
        f.markRegistered(f.running(NEW), TargetHealth.healthy());
        Task sick = f.running(NEW);
        f.markRegistered(
                sick, TargetHealth.of(TargetState.UNHEALTHY, "Target.ResponseCodeMismatch", "Health checks failed"));
        Plan p = f.plan();
        assertThat(p.all(Action.StopTask.class))
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(ServiceMessages.failedElb(ServiceFixture.TG)));
        assertThat(p.all(Action.DeregisterTargets.class))
                .singleElement()
                .satisfies(d -> assertThat(d.drain()).isFalse());
        assertThat(started(p)).isEqualTo(1);
    }

    @Test
    void aDrainingServiceStopsEverythingThenBecomesInactive() {
        ServiceFixture f = new ServiceFixture().steady();
        f.status = ServiceStatus.DRAINING;
        f.running(NEW);
        f.pending(NEW);
        Plan p = f.plan();
        assertThat(p.all(Action.StopTask.class)).hasSize(2);
        assertThat(p.all(Action.MarkInactive.class)).isEmpty();

        ServiceFixture empty = new ServiceFixture().steady();
        empty.status = ServiceStatus.DRAINING;
        empty.stopped(NEW, StopCode.ServiceSchedulerInitiated, "x", 1);
        assertThat(empty.plan().all(Action.MarkInactive.class)).hasSize(1);
    }

    @Test
    void scalingInStopsTheTasksThatAreNotHealthyFirst() {
        ServiceFixture f = new ServiceFixture().steady();
        f.desired = 1;
        f.running(NEW);
        Task young = f.justStarted(NEW);
        Plan p = f.plan();
        assertThat(p.all(Action.StopTask.class))
                .singleElement()
                .satisfies(s -> assertThat(s.task().taskId()).isEqualTo(young.taskId()));
    }

    @Test
    void aReplacementThatIsHealthyInThisPassResetsTheFailureCountAtOnce() {
        ServiceFixture f = new ServiceFixture().steady();
        f.markHealthy(f.running(NEW), 300);
        f.stopped(NEW, StopCode.EssentialContainerExited, "Essential container in task exited", 100);
        f.running(NEW); // the replacement: RUNNING for a minute, not yet marked
        Plan p = f.plan();
        assertThat(p.all(Action.MarkHealthy.class)).hasSize(1);
        assertThat(saved(p))
                .singleElement()
                .satisfies(d -> assertThat(d.failedTasks()).isZero());
        assertThat(events(p)).containsExactly(ServiceMessages.steadyState("web"));
    }

    @Test
    void aFirstDeploymentThatTripsTheBreakerHasNothingToRollBackToAndStops() {
        ServiceFixture f = new ServiceFixture();
        f.settings = new DeploymentSettings(100, 200, true, true);
        f.deployment(NEW, DeploymentStatus.PRIMARY, RolloutState.IN_PROGRESS);
        for (int i = 0; i < 3; i++) {
            f.stopped(NEW, StopCode.EssentialContainerExited, "x", 10 + i);
        }
        Plan p = f.plan();
        assertThat(p.all(Action.RollBack.class)).isEmpty();
        assertThat(started(p)).isZero();
        assertThat(events(p)).containsExactly(ServiceMessages.deploymentFailed("web", NEW));
        assertThat(saved(p))
                .singleElement()
                .satisfies(d -> assertThat(d.rolloutState()).isEqualTo(RolloutState.FAILED));
    }

    @Test
    void aDeletedLoadBalancedServiceDrainsItsTasksBeforeStoppingThem() {
        ServiceFixture f = new ServiceFixture().steady();
        f.status = ServiceStatus.DRAINING;
        f.loadBalanced = true;
        Task registered = f.running(NEW);
        f.markRegistered(registered, TargetHealth.healthy());
        Task unregistered = f.pending(NEW);
        Plan p = f.plan();
        assertThat(p.all(Action.DeregisterTargets.class)).singleElement().satisfies(d -> {
            assertThat(d.task().taskId()).isEqualTo(registered.taskId());
            assertThat(d.drain()).isTrue();
        });
        assertThat(p.all(Action.StopTask.class))
                .singleElement()
                .satisfies(s -> assertThat(s.task().taskId()).isEqualTo(unregistered.taskId()));
        assertThat(p.all(Action.MarkInactive.class)).isEmpty();
        assertThat(p.requeueAfter()).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void aTaskThatStoppedWhileRegisteredIsDeregisteredAtOnce() {
        ServiceFixture f = new ServiceFixture().steady();
        f.loadBalanced = true;
        f.markRegistered(f.running(NEW), TargetHealth.healthy());
        Task gone = f.stopped(NEW, StopCode.EssentialContainerExited, "Essential container in task exited", 1);
        f.markRegistered(gone, TargetHealth.healthy());
        Plan p = f.plan();
        assertThat(p.all(Action.DeregisterTargets.class)).singleElement().satisfies(d -> {
            assertThat(d.task().taskId()).isEqualTo(gone.taskId());
            assertThat(d.drain()).isFalse();
        });
        assertThat(started(p)).isEqualTo(1);
    }

    @Test
    void scalingUpAndDownACompletedDeploymentStartsOrStopsTheDifference() {
        ServiceFixture up = new ServiceFixture().steady();
        up.desired = 5;
        up.running(NEW);
        up.running(NEW);
        assertThat(started(up.plan())).isEqualTo(3);

        ServiceFixture down = new ServiceFixture().steady();
        down.desired = 1;
        down.running(NEW);
        down.running(NEW);
        down.running(NEW);
        Plan p = down.plan();
        assertThat(p.all(Action.StopTask.class)).hasSize(2);
        assertThat(events(p)).anyMatch(m -> m.startsWith("(service web) has stopped 2 running tasks: (task "));
    }

    @Test
    void aTargetTheRegistryNoLongerKnowsIsRegisteredAgain() {
        ServiceFixture f = new ServiceFixture().steady();
        f.loadBalanced = true;
        f.markRegistered(f.running(NEW), TargetHealth.healthy());
        Task lost = f.running(NEW);
        f.markRegistered(lost, TargetHealth.of(TargetState.UNUSED, "Target.NotRegistered", "Target is not registered"));
        Plan p = f.plan();
        assertThat(p.all(Action.RegisterTargets.class))
                .singleElement()
                .satisfies(r -> assertThat(r.task().taskId()).isEqualTo(lost.taskId()));
        assertThat(p.all(Action.StopTask.class)).isEmpty();
    }
}
