package dev.gantry.control.service;

import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.DeploymentTarget;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskDesired;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.HealthCheck;
import dev.gantry.core.taskdef.TaskDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds planner inputs for the table tests: a service, deployments, tasks in given states, marks, health. */
final class ServiceFixture {
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final String ARN = "arn:aws:ecs:us-east-1:000000000000:service/default/web";
    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/1";
    static final String OLD = "ecs-svc/1111111111111111111";
    static final String NEW = "ecs-svc/2222222222222222222";
    static final NetworkConfiguration NET =
            new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-gantry"), null, null));

    int desired = 2;
    DeploymentSettings settings = DeploymentSettings.DEFAULTS;
    ServiceStatus status = ServiceStatus.ACTIVE;
    int grace = 0;
    boolean healthChecks;
    boolean loadBalanced;
    Duration deregistrationDelay = Duration.ofSeconds(10);
    final List<Deployment> deployments = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    final Map<String, TaskMark> marks = new HashMap<>();
    final Map<String, Map<String, TargetHealth>> health = new HashMap<>();
    private int seq;

    ServiceFixture deployment(String id, DeploymentStatus s, RolloutState r) {
        DeploymentTarget target = new DeploymentTarget(
                "arn:aws:ecs:us-east-1:000000000000:task-definition/web:" + (id.equals(OLD) ? 1 : 2),
                Optional.of("FARGATE"),
                List.of(),
                NET,
                "LATEST");
        deployments.add(
                0,
                new Deployment(
                        id,
                        ARN,
                        target,
                        s,
                        r,
                        "",
                        0,
                        0,
                        0,
                        0,
                        NOW.minusSeconds(600),
                        NOW.minusSeconds(600),
                        Optional.empty(),
                        Optional.empty()));
        return this;
    }

    /** A completed deployment with one new PRIMARY rolling out over it. */
    ServiceFixture rolling() {
        deployment(OLD, DeploymentStatus.ACTIVE, RolloutState.COMPLETED);
        return deployment(NEW, DeploymentStatus.PRIMARY, RolloutState.IN_PROGRESS);
    }

    ServiceFixture steady() {
        return deployment(NEW, DeploymentStatus.PRIMARY, RolloutState.COMPLETED);
    }

    /** RUNNING for a minute (healthy when there are neither checks nor load balancers). */
    Task running(String deployment) {
        return add(deployment, TaskPhase.RUNNING, HealthStatus.UNKNOWN, Optional.of(NOW.minusSeconds(60)));
    }

    Task runningHealthy(String deployment) {
        return add(deployment, TaskPhase.RUNNING, HealthStatus.HEALTHY, Optional.of(NOW.minusSeconds(60)));
    }

    Task runningUnhealthy(String deployment, int secondsAgo) {
        return add(deployment, TaskPhase.RUNNING, HealthStatus.UNHEALTHY, Optional.of(NOW.minusSeconds(secondsAgo)));
    }

    Task justStarted(String deployment) {
        return add(deployment, TaskPhase.RUNNING, HealthStatus.UNKNOWN, Optional.of(NOW.minusSeconds(1)));
    }

    Task pending(String deployment) {
        return add(deployment, TaskPhase.PULLING, HealthStatus.UNKNOWN, Optional.empty());
    }

    /** A task of the deployment that stopped {@code secondsAgo} with the code. */
    Task stopped(String deployment, StopCode code, String reason, int secondsAgo) {
        Task t = add(deployment, TaskPhase.STOPPED, HealthStatus.UNKNOWN, Optional.empty());
        Instant at = NOW.minusSeconds(secondsAgo);
        Task s = new Task(
                t.spec(), TaskDesired.stopped(code, reason, at), t.observed().withStoppedAt(at), t.version());
        tasks.set(tasks.indexOf(t), s);
        return s;
    }

    void markHealthy(Task t, int secondsAgo) {
        marks.put(t.taskId(), mark(t).healthy(NOW.minusSeconds(secondsAgo)));
    }

    void markRegistered(Task t, TargetHealth h) {
        marks.put(t.taskId(), mark(t).registered(NOW.minusSeconds(30)));
        health.put(t.taskId(), Map.of(TG, h));
    }

    void markDraining(Task t, int secondsAgo) {
        marks.put(t.taskId(), mark(t).draining(NOW.minusSeconds(secondsAgo)));
    }

    private TaskMark mark(Task t) {
        return marks.getOrDefault(t.taskId(), TaskMark.none(t.taskId(), ARN));
    }

    private Task add(String deployment, TaskPhase phase, HealthStatus h, Optional<Instant> startedAt) {
        String id = String.format("%032x", ++seq);
        TaskSpec spec = new TaskSpec(
                "arn:aws:ecs:us-east-1:000000000000:task/default/" + id,
                id,
                "arn:aws:ecs:us-east-1:000000000000:cluster/default",
                "default",
                definition(),
                "256",
                "512",
                "service:web",
                Optional.of(deployment),
                "FARGATE",
                "1.4.0",
                Map.of(),
                List.of(),
                NOW.minusSeconds(120 - seq));
        TaskObserved o = TaskObserved.initial(List.of())
                .withPhase(phase)
                .withHealth(h)
                .withAttachment(new NetworkAttachment("a", "ATTACHED", "10.0.0." + seq, "m", "s", "eni"));
        if (startedAt.isPresent()) {
            o = o.withStartedAt(startedAt.get());
        }
        Task t = new Task(spec, TaskDesired.running(), o, 1);
        tasks.add(t);
        return t;
    }

    private TaskDefinition definition() {
        HealthCheck check = healthChecks ? new HealthCheck(List.of("CMD", "true"), 5, 2, 3, null) : null;
        ContainerDefinition c = new ContainerDefinition(
                "app", "app:1", null, null, null, null, true, null, null, null, null, null, null, check, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new TaskDefinition(
                "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
                "web",
                1,
                List.of(c),
                null,
                null,
                "awsvpc",
                null,
                null,
                "256",
                "512",
                "ACTIVE",
                null,
                null,
                null,
                null,
                null,
                NOW,
                null,
                null,
                null,
                null,
                null);
    }

    ServiceState state() {
        ServiceSpec spec = new ServiceSpec(
                ARN,
                "web",
                "arn:aws:ecs:us-east-1:000000000000:cluster/default",
                "default",
                desired,
                loadBalanced ? List.of(new ServiceLoadBalancer(TG, "app", 8080)) : List.of(),
                settings,
                grace,
                Optional.empty(),
                false,
                NOW.minusSeconds(3600),
                "arn:aws:iam::000000000000:root");
        Map<String, TargetGroupRef> groups = loadBalanced
                ? Map.of(TG, new TargetGroupRef(TG, "web", "HTTP", 8080, "ip", List.of(), deregistrationDelay))
                : Map.of();
        return new ServiceState(new Service(spec, status), deployments, tasks, marks, health, groups, NOW);
    }

    Plan plan() {
        return new ServicePlanner(ServicePlanner.DEFAULT_HEALTHY_AFTER_RUNNING).plan(state());
    }

    static boolean desiredRunning(Task t) {
        return t.desired().status() == DesiredStatus.RUNNING;
    }
}
