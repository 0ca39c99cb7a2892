package dev.gantry.control.task;

import dev.gantry.core.lifecycle.TaskHealth;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.ContainerStatus;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.Reasons;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.Health;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observing half of a task's runner: turns what the engine reports (exits, health, a vanished sandbox) into the
 * task's observed state, and decides a stop when an essential container exits. Runs on the runner's thread only.
 */
final class ContainerWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatch.class);

    private ContainerWatch() {}

    /**
     * Without its sandbox a task has no network: it cannot keep running (ECS's analogue: the ENI is gone). Called on
     * the sandbox's exit event and, because events can be missed across an engine restart, on each re-check.
     */
    static void checkSandbox(TaskRunner r) {
        boolean alive = r.ctx()
                .driver()
                .findSandbox(r.task().taskId())
                .filter(sb -> !sb.ipv4Address().isBlank())
                .isPresent();
        if (!alive) {
            LOG.atWarn().addKeyValue("taskArn", r.task().taskArn()).log("task sandbox is gone; stopping the task");
            r.requestStop(StopCode.InfrastructureHealth, Reasons.NETWORK_GONE);
        }
    }

    /** Re-reads every container from the engine: catches what happened while no runner watched. */
    static void sync(TaskRunner r) {
        for (ContainerState s : r.observed().containers()) {
            if (s.runtimeId().isEmpty() || s.isStopped()) {
                continue;
            }
            ContainerObservation o = r.ctx().driver().inspect(s.runtimeId().get(), s.name());
            switch (o.state()) {
                case RUNNING -> {
                    if (s.lastStatus() == ContainerStatus.PENDING) {
                        r.report(r.observed()
                                .withContainer(
                                        s.name(),
                                        x -> x.running(o.startedAt()
                                                .orElse(r.ctx().clock().instant()))));
                    }
                    recordHealth(r, s.name(), o.health());
                }
                case EXITED, MISSING -> recordExit(r, s.name());
                case CREATED -> {}
            }
        }
    }

    static void recordExit(TaskRunner r, String name) {
        ContainerState s = r.observed().container(name).orElse(null);
        if (s == null || s.isStopped() || s.runtimeId().isEmpty()) {
            return;
        }
        ContainerObservation o = r.ctx().driver().inspect(s.runtimeId().get(), name);
        if (o.state() == ContainerObservation.State.RUNNING || o.state() == ContainerObservation.State.CREATED) {
            return;
        }
        Optional<String> reason = o.oomKilled()
                ? Optional.of(Reasons.OUT_OF_MEMORY)
                : o.state() == ContainerObservation.State.MISSING
                        ? Optional.of(Reasons.CONTAINER_RUNTIME_GONE)
                        : o.error().filter(e -> !e.isBlank());
        Instant at = o.finishedAt().orElse(r.ctx().clock().instant());
        TaskObserved exited = r.observed().withContainer(name, x -> x.stopped(o.exitCode(), reason, at));
        boolean essential = r.task()
                .spec()
                .container(name)
                .map(ContainerDefinition::essentialOrDefault)
                .orElse(true);
        if (essential) { // the exit, its stop decision and executionStoppedAt: one write
            r.reportAndRequestStop(
                    exited.withExecutionStoppedAt(at),
                    StopCode.EssentialContainerExited,
                    Reasons.ESSENTIAL_CONTAINER_EXITED);
        } else {
            r.report(exited);
        }
        LOG.atInfo()
                .addKeyValue("taskArn", r.task().taskArn())
                .addKeyValue("container", name)
                .addKeyValue("exitCode", o.exitCode().map(String::valueOf).orElse("none"))
                .log("container stopped");
    }

    static void recordHealth(TaskRunner r, String name, Health health) {
        HealthStatus h = switch (health) {
            case HEALTHY -> HealthStatus.HEALTHY;
            case UNHEALTHY -> HealthStatus.UNHEALTHY;
            case STARTING, NONE -> HealthStatus.UNKNOWN;
        };
        ContainerState s = r.observed().container(name).orElse(null);
        if (s == null || s.healthStatus() == h) {
            return;
        }
        TaskObserved o = r.observed().withContainer(name, x -> x.withHealth(h));
        Map<String, ContainerState> byName = new LinkedHashMap<>();
        o.containers().forEach(c -> byName.put(c.name(), c));
        r.report(o.withHealth(TaskHealth.of(r.task().spec().containers(), byName)));
    }
}
