package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

class RolloutTest {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final String DEF = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:";
    static final String NEW = DEF + "5";
    static final String OLD = DEF + "4";

    static Deployment deployment(
            String id, String status, String def, DeploymentRolloutState state, int desired, int running, int pending) {
        return Deployment.builder()
                .id(id)
                .status(status)
                .taskDefinition(def)
                .rolloutState(state)
                .desiredCount(desired)
                .runningCount(running)
                .pendingCount(pending)
                .failedTasks(0)
                .createdAt(T0)
                .build();
    }

    static ServiceEvent event(String id, int second, String message) {
        return ServiceEvent.builder()
                .id(id)
                .createdAt(T0.plusSeconds(second))
                .message("(service web) " + message)
                .build();
    }

    /** Events are given oldest first here and sent newest first, as ECS does. */
    static Service service(List<Deployment> deployments, ServiceEvent... oldestFirst) {
        List<ServiceEvent> events = new ArrayList<>(List.of(oldestFirst));
        Collections.reverse(events);
        return Service.builder()
                .serviceName("web")
                .serviceArn("arn:aws:ecs:us-east-1:000000000000:service/default/web")
                .status("ACTIVE")
                .desiredCount(2)
                .taskDefinition(deployments.get(0).taskDefinition())
                .deployments(deployments)
                .events(events)
                .build();
    }

    static final ServiceEvent STEADY_BEFORE = event("e0", -60, "has reached a steady state.");
    static final Deployment OLD_DONE =
            deployment("ecs-svc/1", "PRIMARY", OLD, DeploymentRolloutState.COMPLETED, 2, 2, 0);
    static final Service BEFORE = service(List.of(OLD_DONE), STEADY_BEFORE);

    static Deployment ours(DeploymentRolloutState state, int running, int pending) {
        return deployment("ecs-svc/2", "PRIMARY", NEW, state, 2, running, pending);
    }

    static Deployment old(int running) {
        return deployment("ecs-svc/1", "ACTIVE", OLD, DeploymentRolloutState.COMPLETED, 2, running, 0);
    }

    static Rollout started() {
        Service after = service(List.of(ours(DeploymentRolloutState.IN_PROGRESS, 0, 0), old(2)), STEADY_BEFORE);
        return Rollout.start(BEFORE, after, NEW, T0);
    }

    @Test
    void startKnowsTheNewDeploymentAndIgnoresOldEvents() {
        Rollout r = started();
        assertThat(r.deploymentId()).contains("ecs-svc/2");
        Rollout.Step step = r.observe(
                service(List.of(ours(DeploymentRolloutState.IN_PROGRESS, 0, 2), old(2)), STEADY_BEFORE),
                T0.plusSeconds(1));
        assertThat(step.lines())
                .containsExactly("+1s  web:5 PRIMARY IN_PROGRESS 0/2 running, 2 pending | web:4 ACTIVE COMPLETED 2/2"
                        + " running");
        assertThat(step.outcome()).isEmpty();
    }

    @Test
    void printsCountsOnlyWhenTheyChangeAndEachNewEventOnceOldestFirst() {
        Rollout r = started();
        Service s1 = service(List.of(ours(DeploymentRolloutState.IN_PROGRESS, 0, 2), old(2)), STEADY_BEFORE);
        Rollout.Step a = r.observe(s1, T0.plusSeconds(1));
        Rollout.Step b = a.next().observe(s1, T0.plusSeconds(2));
        assertThat(b.lines()).isEmpty();

        Service s2 = service(
                List.of(ours(DeploymentRolloutState.IN_PROGRESS, 2, 0), old(0)),
                STEADY_BEFORE,
                event("e1", 3, "has started 2 tasks: (task a) (task b)."),
                event("e2", 9, "has stopped 2 running tasks: (task c) (task d)."));
        Rollout.Step c = b.next().observe(s2, T0.plusSeconds(10));
        assertThat(c.lines())
                .containsExactly(
                        "+10s  web:5 PRIMARY IN_PROGRESS 2/2 running | web:4 ACTIVE COMPLETED 0/2 running",
                        "+10s  event: has started 2 tasks: (task a) (task b).",
                        "+10s  event: has stopped 2 running tasks: (task c) (task d).");
        assertThat(c.next().observe(s2, T0.plusSeconds(11)).lines()).isEmpty();
    }

    @Test
    void completedWhenOurPrimaryDeploymentCompletes() {
        Service done = service(
                List.of(ours(DeploymentRolloutState.COMPLETED, 2, 0)),
                STEADY_BEFORE,
                event("e3", 20, "has reached a steady state."));
        Rollout.Step step = started().observe(done, T0.plusSeconds(20));
        assertThat(step.lines())
                .containsExactly(
                        "+20s  web:5 PRIMARY COMPLETED 2/2 running", "+20s  event: has reached a steady state.");
        assertThat(step.outcome())
                .contains(new Rollout.Outcome.Completed("deployment ecs-svc/2 completed: web:5 runs 2/2 tasks"));
        assertThat(step.outcome().get().exitCode()).isZero();
    }

    @Test
    void withoutRolloutStateSteadyMeansOneDeploymentRunningItsDesiredCount() {
        Rollout r = started();
        Service twoLeft = service(List.of(ours(null, 2, 0), old(1)));
        assertThat(r.observe(twoLeft, T0).outcome()).isEmpty();
        Service stillPending = service(List.of(ours(null, 1, 1)));
        assertThat(r.observe(stillPending, T0).outcome()).isEmpty();
        Service steady = service(List.of(ours(null, 2, 0)));
        assertThat(r.observe(steady, T0).outcome()).containsInstanceOf(Rollout.Outcome.Completed.class);
    }

    @Test
    void theCircuitBreakerFailsItAndNamesTheRollback() {
        Deployment failed = ours(DeploymentRolloutState.FAILED, 0, 0).toBuilder()
                .status("ACTIVE")
                .failedTasks(3)
                .rolloutStateReason("ECS deployment circuit breaker: tasks failed to start.")
                .build();
        Deployment rollback = deployment("ecs-svc/3", "PRIMARY", OLD, DeploymentRolloutState.IN_PROGRESS, 2, 2, 0);
        Rollout.Step step = started()
                .observe(
                        service(
                                List.of(rollback, failed),
                                event("e4", 30, "(deployment ecs-svc/2) deployment failed: tasks failed to start."),
                                event("e5", 31, "rolling back to deployment ecs-svc/1.")),
                        T0.plusSeconds(31));
        assertThat(step.lines())
                .containsExactly(
                        "+31s  web:4 PRIMARY IN_PROGRESS 2/2 running | web:5 ACTIVE FAILED 0/2 running, 3 failed",
                        "+31s  event: (deployment ecs-svc/2) deployment failed: tasks failed to start.",
                        "+31s  event: rolling back to deployment ecs-svc/1.");
        assertThat(step.outcome())
                .contains(new Rollout.Outcome.Failed("deployment ecs-svc/2 of web:5 failed: ECS deployment circuit"
                        + " breaker: tasks failed to start.; the service is rolling back to web:4 (ecs-svc/3)"));
        assertThat(step.outcome().get().exitCode()).isEqualTo(1);
    }

    @Test
    void failedWithoutRollbackStillFails() {
        Deployment failed = ours(DeploymentRolloutState.FAILED, 0, 0).toBuilder()
                .rolloutStateReason("ECS deployment circuit breaker: tasks failed to start.")
                .build();
        assertThat(started().observe(service(List.of(failed, old(2))), T0).outcome())
                .contains(
                        new Rollout.Outcome.Failed(
                                "deployment ecs-svc/2 of web:5 failed: ECS deployment circuit breaker: tasks failed to start."));
    }

    @Test
    void replacedAsPrimaryIsNotSuccess() {
        Deployment other = deployment("ecs-svc/9", "PRIMARY", DEF + "6", DeploymentRolloutState.IN_PROGRESS, 2, 0, 0);
        Deployment mine = ours(DeploymentRolloutState.IN_PROGRESS, 1, 0).toBuilder()
                .status("ACTIVE")
                .build();
        assertThat(started().observe(service(List.of(other, mine)), T0).outcome())
                .contains(new Rollout.Outcome.Failed("deployment ecs-svc/2 of web:5 is no longer the service's primary"
                        + " deployment: ecs-svc/9 (web:6) replaced it (a rollback, or another deployment)"));
    }

    @Test
    void aServiceBeingDeletedEndsIt() {
        Service draining = service(List.of(ours(DeploymentRolloutState.IN_PROGRESS, 1, 0))).toBuilder()
                .status("DRAINING")
                .build();
        assertThat(started().observe(draining, T0).outcome())
                .contains(new Rollout.Outcome.Failed(
                        "service web is DRAINING: it is being deleted, the deployment will not finish"));
    }

    @Test
    void aDeploymentNotYetShownIsFoundLater() {
        Rollout r = Rollout.start(BEFORE, BEFORE, NEW, T0);
        assertThat(r.deploymentId()).isEmpty();
        Rollout.Step step = r.observe(BEFORE, T0);
        assertThat(step.outcome())
                .as("the old deployment's COMPLETED is not ours")
                .isEmpty();
        Rollout.Step later = step.next().observe(service(List.of(ours(DeploymentRolloutState.COMPLETED, 2, 0))), T0);
        assertThat(later.next().deploymentId()).contains("ecs-svc/2");
        assertThat(later.outcome()).containsInstanceOf(Rollout.Outcome.Completed.class);
    }

    /** The watcher over canned snapshots and a clock the sleeper advances: prints, stops, times out. */
    @Test
    void watcherFollowsUntilDoneAndTimesOut() throws InterruptedException {
        Instant[] now = {T0};
        Deque<Service> snapshots = new ArrayDeque<>(List.of(
                service(List.of(ours(DeploymentRolloutState.IN_PROGRESS, 0, 2), old(2))),
                service(List.of(ours(DeploymentRolloutState.IN_PROGRESS, 2, 0), old(0))),
                service(List.of(ours(DeploymentRolloutState.COMPLETED, 2, 0)))));
        StringWriter out = new StringWriter();
        Rollout.Outcome done = RolloutWatcher.follow(
                started(),
                snapshots::removeFirst,
                () -> now[0],
                d -> now[0] = now[0].plus(d),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                new PrintWriter(out, true));
        assertThat(done).isInstanceOf(Rollout.Outcome.Completed.class);
        assertThat(out.toString().lines())
                .containsExactly(
                        "+0s  web:5 PRIMARY IN_PROGRESS 0/2 running, 2 pending | web:4 ACTIVE COMPLETED 2/2 running",
                        "+2s  web:5 PRIMARY IN_PROGRESS 2/2 running | web:4 ACTIVE COMPLETED 0/2 running",
                        "+4s  web:5 PRIMARY COMPLETED 2/2 running");

        Service stuck = service(List.of(ours(DeploymentRolloutState.IN_PROGRESS, 1, 1), old(1)));
        List<Duration> slept = new ArrayList<>();
        now[0] = T0;
        Rollout.Outcome timedOut = RolloutWatcher.follow(
                started(),
                () -> stuck,
                () -> now[0],
                d -> {
                    slept.add(d);
                    now[0] = now[0].plus(d);
                },
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new PrintWriter(new StringWriter(), true));
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
        assertThat(timedOut)
                .isEqualTo(new Rollout.Outcome.TimedOut("timed out after 5s waiting for ecs-svc/2 (web:5 PRIMARY"
                        + " IN_PROGRESS 1/2 running, 1 pending | web:4 ACTIVE COMPLETED 1/2 running); it goes on on the"
                        + " server: gantry services web"));
        assertThat(timedOut.exitCode()).isEqualTo(1);
    }
}
