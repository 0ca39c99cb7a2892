package dev.gantry.control.service;

import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.task.Task;
import java.util.List;

/** One step the planner decided; the applier carries it out. Closed: the applier handles each. */
public sealed interface Action {

    /** Launch {@code count} tasks for the deployment (startedBy its id, group service:NAME). */
    record StartTasks(Deployment deployment, int count) implements Action {}

    /** Stop a task (stop code ServiceSchedulerInitiated) with ECS's reason. */
    record StopTask(Task task, String reason) implements Action {}

    /** Put the task's address behind its target groups (it is RUNNING). */
    record RegisterTargets(Task task, List<TargetRef> targets) implements Action {}

    /** Take the task's address out of its target groups; when {@code drain}, the task is stopped after the delay. */
    record DeregisterTargets(Task task, List<TargetRef> targets, boolean drain) implements Action {}

    /** Record that the task counted as healthy (resets the circuit breaker's count of failures). */
    record MarkHealthy(Task task) implements Action {}

    /** Write a deployment's new counts, status or rollout state. */
    record SaveDeployment(Deployment deployment) implements Action {}

    /**
     * The circuit breaker tripped with rollback: write {@code failed} and start a new PRIMARY deployment that runs
     * what {@code to} (the last COMPLETED deployment) ran.
     */
    record RollBack(Deployment failed, Deployment to) implements Action {}

    /** A DRAINING service has no task left: INACTIVE. */
    record MarkInactive() implements Action {}

    /**
     * A BLUE_GREEN, LINEAR or CANARY deployment's traffic: make each listener rule forward as {@code rules} say (a
     * no-op for a rule already so), then store {@code shift} when {@code changed}. Rules first, so a crash in between
     * leaves a shift that is re-applied, never one ahead of the rules.
     */
    record ShiftTraffic(TrafficShift shift, List<TrafficShifts.RuleForward> rules, boolean changed) implements Action {}

    /** Add a service event (suppressed if it repeats the newest one). */
    record Event(String message) implements Action {}
}
