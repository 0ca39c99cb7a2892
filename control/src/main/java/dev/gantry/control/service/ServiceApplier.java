package dev.gantry.control.service;

import dev.gantry.control.launch.LaunchRequest;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentMath;
import dev.gantry.core.service.DeploymentTarget;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceEvent;
import dev.gantry.core.service.ServiceMessages;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.ShiftStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link Plan} for one service, in order: launches through the {@link TaskLauncher} (startedBy the
 * deployment id, group {@code service:NAME}), stops with stop code ServiceSchedulerInitiated, registers and
 * deregisters targets through the {@link TargetGroupRegistry}, and writes deployments, marks and events to the
 * {@link ServiceStore}. Every action is safe to repeat after a crash: the planner counts tasks from the store
 * (a launch is one transaction), stops and marks are idempotent, a rollback happens only while the failed
 * deployment is still PRIMARY.
 */
public final class ServiceApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceApplier.class);
    /** ECS suppresses a repeated event message for up to 6 hours. */
    static final Duration SUPPRESS_REPEATS = Duration.ofHours(6);

    private final ServiceStore services;
    private final ClusterStore clusters;
    private final TaskDefinitionStore definitions;
    private final TagStore tags;
    private final TaskLauncher launcher;
    private final TargetGroupRegistry registry;
    private final IdSource ids;

    public ServiceApplier(
            ServiceStore services,
            ClusterStore clusters,
            TaskDefinitionStore definitions,
            TagStore tags,
            TaskLauncher launcher,
            TargetGroupRegistry registry,
            IdSource ids) {
        this.services = services;
        this.clusters = clusters;
        this.definitions = definitions;
        this.tags = tags;
        this.launcher = launcher;
        this.registry = registry;
        this.ids = ids;
    }

    public void apply(ServiceState state, Plan plan) {
        Service svc = state.service();
        Map<String, TaskMark> marks = new java.util.HashMap<>(state.marks());
        for (Action a : plan.actions()) {
            switch (a) {
                case Action.StartTasks start -> start(svc, start, state.now());
                case Action.StopTask stop -> {
                    launcher.stop(stop.task(), StopCode.ServiceSchedulerInitiated, stop.reason());
                    LOG.atInfo()
                            .addKeyValue("service", svc.serviceArn())
                            .addKeyValue("taskArn", stop.task().taskArn())
                            .addKeyValue("reason", stop.reason())
                            .log("service task stopped");
                }
                case Action.RegisterTargets reg -> {
                    reg.targets().forEach(t -> registry.register(t.targetGroupArn(), t.target()));
                    mark(marks, svc, reg.task(), m -> m.registered(state.now()));
                }
                case Action.DeregisterTargets dereg -> {
                    dereg.targets().forEach(t -> registry.deregister(t.targetGroupArn(), t.target()));
                    mark(marks, svc, dereg.task(), m -> m.draining(state.now()));
                }
                case Action.MarkHealthy healthy -> mark(marks, svc, healthy.task(), m -> m.healthy(state.now()));
                case Action.SaveDeployment save -> services.saveProgress(save.deployment());
                case Action.RollBack rollBack -> rollBack(svc, rollBack, state.now());
                case Action.MarkInactive inactive -> {
                    services.markInactive(svc.serviceArn(), state.now());
                    LOG.atInfo().addKeyValue("service", svc.serviceArn()).log("service became INACTIVE");
                }
                case Action.ShiftTraffic shift -> shift(svc, shift);
                case Action.Event e -> event(svc, e.message(), state.now());
            }
        }
    }

    private void shift(Service svc, Action.ShiftTraffic a) {
        a.rules().forEach(r -> registry.forward(r.ruleArn(), r.groups()));
        if (a.changed()) {
            TrafficShift before = services.shifts()
                    .of(a.shift().deploymentId())
                    .map(ShiftStore.Stored::shift)
                    .orElse(null);
            services.shifts().save(a.shift());
            if (before == null
                    || before.stage() != a.shift().stage()
                    || before.productionPermille() != a.shift().productionPermille()
                    || before.outcome() != a.shift().outcome()) {
                LOG.atInfo()
                        .addKeyValue("service", svc.serviceArn())
                        .addKeyValue("deployment", a.shift().deploymentId())
                        .addKeyValue("stage", a.shift().stage())
                        .addKeyValue("productionPermille", a.shift().productionPermille())
                        .addKeyValue("outcome", a.shift().outcome())
                        .log("deployment traffic shift moved");
            }
        }
    }

    private void mark(
            Map<String, TaskMark> marks, Service svc, Task t, java.util.function.UnaryOperator<TaskMark> change) {
        TaskMark next = change.apply(marks.getOrDefault(t.taskId(), TaskMark.none(t.taskId(), svc.serviceArn())));
        marks.put(t.taskId(), next);
        services.putMark(next);
    }

    private void start(Service svc, Action.StartTasks start, Instant now) {
        Deployment d = start.deployment();
        DeploymentTarget target = d.target();
        Cluster cluster = clusters.find(svc.spec().clusterName())
                .orElseThrow(() -> new IllegalStateException("cluster of " + svc.serviceArn() + " is gone"));
        TaskDefinition td = definition(target.taskDefinitionArn());
        List<Tag> serviceTags =
                svc.spec().propagateTags().filter("SERVICE"::equals).isPresent()
                        ? tags.list(svc.serviceArn())
                        : List.of();
        Optional<String> fromDefinition = svc.spec().propagateTags().filter("TASK_DEFINITION"::equals);
        int remaining = start.count();
        while (remaining > 0) { // RunTask starts at most 10 at once
            int n = Math.min(10, remaining);
            RunTaskRequest req = new RunTaskRequest(
                    cluster.clusterName(),
                    target.taskDefinitionArn(),
                    n,
                    target.launchType().orElse(null),
                    target.capacityProviderStrategy().isEmpty() ? null : target.capacityProviderStrategy(),
                    target.networkConfiguration(),
                    null,
                    d.id(),
                    svc.spec().taskGroup(),
                    serviceTags.isEmpty() ? null : serviceTags,
                    fromDefinition.orElse(null),
                    svc.spec().enableECSManagedTags() ? Boolean.TRUE : null,
                    null,
                    target.platformVersion(),
                    null,
                    null);
            List<Task> started = launcher.launchForService(new LaunchRequest(cluster, td, req, Map.of()));
            event(
                    svc,
                    ServiceMessages.started(
                            svc.serviceName(),
                            started.stream().map(Task::taskId).toList()),
                    now);
            LOG.atInfo()
                    .addKeyValue("service", svc.serviceArn())
                    .addKeyValue("deployment", d.id())
                    .addKeyValue("count", started.size())
                    .log("service tasks started");
            remaining -= n;
        }
    }

    private TaskDefinition definition(String arn) {
        String familyRevision = arn.substring(arn.indexOf(":task-definition/") + ":task-definition/".length());
        int colon = familyRevision.lastIndexOf(':');
        return definitions
                .find(familyRevision.substring(0, colon), Integer.parseInt(familyRevision.substring(colon + 1)))
                .orElseThrow(() -> new IllegalStateException("task definition " + arn + " is gone"));
    }

    private void rollBack(Service svc, Action.RollBack rb, Instant now) {
        String id = DeploymentMath.deploymentId(ids);
        Deployment rollback = Deployment.start(
                        id,
                        svc.serviceArn(),
                        rb.to().target(),
                        svc.effectiveDesiredCount(),
                        now,
                        Optional.of(rb.failed().id()))
                .withRollout(
                        dev.gantry.core.service.RolloutState.IN_PROGRESS,
                        ServiceMessages.rollingBackReason(rb.to().id()),
                        now);
        if (services.startRollback(rb.failed(), rollback)) {
            LOG.atWarn()
                    .addKeyValue("service", svc.serviceArn())
                    .addKeyValue("failedDeployment", rb.failed().id())
                    .addKeyValue("rollbackTo", rb.to().id())
                    .addKeyValue("deployment", id)
                    .log("circuit breaker tripped: rolling back");
        }
    }

    private void event(Service svc, String message, Instant now) {
        services.addEvent(svc.serviceArn(), new ServiceEvent(ids.uuid(), now, message), SUPPRESS_REPEATS);
    }
}
