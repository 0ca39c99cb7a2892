package dev.gantry.control.task;

import dev.gantry.core.lifecycle.StartOrder;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.runtime.spi.ContainerObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop half of a task's life, run by its runner: DEACTIVATING (only if it got to ACTIVATING), STOPPING
 * (stop signal, then SIGKILL after each container's stopTimeout; dependents before their dependencies, the exits of
 * each layer reported before the next layer's stop waits),
 * DEPROVISIONING (drain logs, remove containers and the sandbox), STOPPED. Idempotent: a re-adopted task resumes
 * wherever it was.
 */
final class TaskShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(TaskShutdown.class);

    private TaskShutdown() {}

    static void run(TaskRunner r) throws InterruptedException {
        RunnerContext ctx = r.ctx();
        if (r.observed().phase().hasReached(TaskPhase.ACTIVATING)
                && !r.observed().phase().hasReached(TaskPhase.DEACTIVATING)) {
            r.stage(r.observed().withPhase(TaskPhase.DEACTIVATING)); // nothing to deactivate yet: written with STOPPING
        }
        if (!r.observed().phase().hasReached(TaskPhase.STOPPING)) {
            r.report(r.observed().withStoppingAt(ctx.clock().instant()).withPhase(TaskPhase.STOPPING));
        }
        if (r.observed().phase() == TaskPhase.STOPPING) {
            stopContainers(r);
            r.report(r.observed().withExecutionStoppedAt(ctx.clock().instant()).withPhase(TaskPhase.DEPROVISIONING));
        }
        if (r.observed().phase() == TaskPhase.DEPROVISIONING) {
            r.shipAllLogs(); // a re-adopted task has no shippers yet; capture resumes after the last stored line
            drainLogs(r, ctx.logDrainTimeout());
            for (ContainerState s : r.observed().containers()) {
                s.runtimeId().ifPresent(ctx.driver()::removeContainer);
            }
            ctx.driver().removeSandbox(r.taskId());
            Instant now = ctx.clock().instant();
            TaskObserved o = r.observed();
            for (ContainerState s : o.containers()) {
                if (!s.isStopped()) {
                    o = o.withContainer(s.name(), x -> x.stopped(Optional.empty(), Optional.empty(), now));
                }
            }
            TaskObserved stopped = o;
            TaskObserved done = o.attachment()
                    .map(a -> stopped.withAttachment(a.withStatus("DELETED")))
                    .orElse(o);
            r.report(done.withStoppedAt(now).withPhase(TaskPhase.STOPPED));
            LOG.atInfo()
                    .addKeyValue("taskArn", r.task().taskArn())
                    .addKeyValue(
                            "stopCode",
                            r.task().desired().stopCode().map(Enum::name).orElse(""))
                    .addKeyValue("reason", r.task().desired().stoppedReason().orElse(""))
                    .log("task STOPPED");
        }
    }

    private static void stopContainers(TaskRunner r) throws InterruptedException {
        List<List<String>> layers =
                new ArrayList<>(StartOrder.layers(r.task().spec().containers()));
        java.util.Collections.reverse(layers);
        for (int i = 0; i < layers.size(); i++) {
            List<String> layer = layers.get(i);
            List<Thread> stoppers = new ArrayList<>();
            for (String name : layer) {
                ContainerState s = r.observed().container(name).orElseThrow();
                if (s.runtimeId().isEmpty() || s.isStopped()) {
                    continue;
                }
                int timeout = r.task()
                        .spec()
                        .container(name)
                        .map(ContainerDefinition::stopTimeoutOrDefault)
                        .orElse(30);
                String id = s.runtimeId().get();
                stoppers.add(Thread.ofVirtual()
                        .start(() -> r.ctx().driver().stopContainer(id, Duration.ofSeconds(timeout))));
            }
            for (Thread t : stoppers) {
                t.join();
            }
            boolean exited = false;
            for (String name : layer) {
                exited |= recordStopped(r, name);
            }
            if (exited && i < layers.size() - 1) {
                r.report(r.observed()); // before the next layer waits out its stop timeout (the last: with
                // DEPROVISIONING)
            }
        }
    }

    /** Stages a stopped container's exit; false if there was nothing to record. */
    private static boolean recordStopped(TaskRunner r, String name) {
        ContainerState s = r.observed().container(name).orElseThrow();
        if (s.runtimeId().isEmpty() || s.isStopped()) {
            return false;
        }
        ContainerObservation o = r.ctx().driver().inspect(s.runtimeId().get(), name);
        Optional<String> reason =
                o.oomKilled() ? Optional.of(dev.gantry.core.task.Reasons.OUT_OF_MEMORY) : Optional.empty();
        Instant at = o.finishedAt().orElse(r.ctx().clock().instant());
        r.stage(r.observed().withContainer(name, x -> x.stopped(o.exitCode(), reason, at)));
        return true;
    }

    private static void drainLogs(TaskRunner r, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : r.shippers().values()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                t.interrupt();
            }
        }
    }
}
