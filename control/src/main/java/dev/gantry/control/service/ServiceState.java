package dev.gantry.control.service;

import dev.gantry.control.deployment.ShiftInput.HookAnswer;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the planner looks at for one service, read at one moment: the service, all its deployments (newest
 * first, INACTIVE ones too: a rollback returns to the last COMPLETED one), its tasks (unfinished, and those that
 * stopped recently), the scheduler's marks on them, the health of each registered target (task id → target group
 * ARN → health), the target groups its load balancers name (alternates included), the traffic shifts of its
 * BLUE_GREEN, LINEAR and CANARY deployments (by deployment id) with ContinueServiceDeployment's answers, and the
 * time.
 */
public record ServiceState(
        Service service,
        List<Deployment> deployments,
        List<Task> tasks,
        Map<String, TaskMark> marks,
        Map<String, Map<String, TargetHealth>> targetHealth,
        Map<String, TargetGroupRef> targetGroups,
        Map<String, TrafficShift> shifts,
        Map<String, HookAnswer> answers,
        Instant now) {

    public ServiceState {
        Objects.requireNonNull(service, "service");
        deployments = List.copyOf(deployments);
        tasks = List.copyOf(tasks);
        marks = Map.copyOf(marks);
        targetHealth = Map.copyOf(targetHealth);
        targetGroups = Map.copyOf(targetGroups);
        shifts = Map.copyOf(shifts);
        answers = Map.copyOf(answers);
        Objects.requireNonNull(now, "now");
    }

    /** A service with no traffic shift. */
    public ServiceState(
            Service service,
            List<Deployment> deployments,
            List<Task> tasks,
            Map<String, TaskMark> marks,
            Map<String, Map<String, TargetHealth>> targetHealth,
            Map<String, TargetGroupRef> targetGroups,
            Instant now) {
        this(service, deployments, tasks, marks, targetHealth, targetGroups, Map.of(), Map.of(), now);
    }

    public ServiceState withShift(TrafficShift s) {
        Map<String, TrafficShift> all = new java.util.HashMap<>(shifts);
        all.put(s.deploymentId(), s);
        return new ServiceState(service, deployments, tasks, marks, targetHealth, targetGroups, all, answers, now);
    }

    /**
     * The target group of each of the service's load balancers (in order) that a deployment's tasks are registered
     * in: a shifting deployment's green groups; otherwise what the newest older shift left serving production (its
     * green groups once COMPLETED, its blue ones if it rolled back or never finished); otherwise the service's
     * {@code targetGroupArn}s.
     */
    public List<String> groupsOf(String deploymentId) {
        TrafficShift own = shifts.get(deploymentId);
        if (own != null) {
            return own.greenGroups();
        }
        Instant created = deployments.stream()
                .filter(d -> d.id().equals(deploymentId))
                .map(Deployment::createdAt)
                .findFirst()
                .orElse(Instant.MAX);
        return deployments.stream()
                .filter(d -> d.createdAt().isBefore(created) && shifts.containsKey(d.id()))
                .findFirst() // newest first
                .map(d -> shifts.get(d.id()))
                .map(s -> s.outcome() == TrafficShift.Outcome.COMPLETED ? s.greenGroups() : s.blueGroups())
                .orElseGet(() -> service.spec().loadBalancers().stream()
                        .map(lb -> lb.targetGroupArn())
                        .toList());
    }
}
