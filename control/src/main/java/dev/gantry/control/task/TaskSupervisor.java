package dev.gantry.control.task;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.housekeeping.Housekeeper;
import dev.gantry.control.inject.Injector;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RuntimeEvent;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.store.ecs.TaskStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and tracks one {@link TaskRunner} per unfinished task, routes engine events to them, re-adopts tasks after
 * a restart, forgets stopped tasks after the retention period, and reaps engine objects no task owns. Its runners
 * publish every committed change to the {@link TaskFeed}; each re-adopted task first publishes a RESYNC.
 */
public final class TaskSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSupervisor.class);

    private final RunnerContext ctx;
    private final Duration retention;
    private final Map<String, RunnerHandle> runners = new ConcurrentHashMap<>();
    private AutoCloseable subscription;
    private volatile SandboxGuard guard = SandboxGuard.NONE;
    private Housekeeper housekeeper;

    private record RunnerHandle(TaskRunner runner, Thread thread) {}

    public TaskSupervisor(
            TaskDriver driver,
            TaskStore store,
            CapturedLogs logs,
            InstantSource clock,
            String region,
            Duration retention,
            PullProgress pullProgress) {
        this(driver, store, new TaskFeed(store), logs, clock, region, retention, pullProgress);
    }

    public TaskSupervisor(
            TaskDriver driver,
            TaskStore store,
            TaskFeed feed,
            CapturedLogs logs,
            InstantSource clock,
            String region,
            Duration retention,
            PullProgress pullProgress) {
        this(driver, store, feed, logs, clock, region, retention, pullProgress, Duration.ofSeconds(30));
    }

    /**
     * As above; {@code environment} gives containers the platform's variables (the task endpoint's URIs),
     * {@code injector} gives tasks their secrets, environment files and registry credentials, and the tasks'
     * containers run under the runtime {@code runtimes} picks (gVisor per cluster).
     */
    public TaskSupervisor(
            TaskDriver driver,
            TaskStore store,
            TaskFeed feed,
            CapturedLogs logs,
            InstantSource clock,
            String region,
            Duration retention,
            PullProgress pullProgress,
            ContainerEnvironment environment,
            Injector injector,
            TaskRuntimes runtimes) {
        this(
                driver,
                store,
                feed,
                logs,
                clock,
                region,
                retention,
                pullProgress,
                Duration.ofSeconds(30),
                environment,
                injector,
                runtimes);
    }

    TaskSupervisor(
            TaskDriver driver,
            TaskStore store,
            TaskFeed feed,
            CapturedLogs logs,
            InstantSource clock,
            String region,
            Duration retention,
            PullProgress pullProgress,
            Duration resync) {
        this(
                driver,
                store,
                feed,
                logs,
                clock,
                region,
                retention,
                pullProgress,
                resync,
                ContainerEnvironment.NONE,
                Injector.unavailable(),
                TaskRuntimes.ENGINE_DEFAULT);
    }

    TaskSupervisor(
            TaskDriver driver,
            TaskStore store,
            TaskFeed feed,
            CapturedLogs logs,
            InstantSource clock,
            String region,
            Duration retention,
            PullProgress pullProgress,
            Duration resync,
            Injector injector) {
        this(
                driver,
                store,
                feed,
                logs,
                clock,
                region,
                retention,
                pullProgress,
                resync,
                ContainerEnvironment.NONE,
                injector,
                TaskRuntimes.ENGINE_DEFAULT);
    }

    TaskSupervisor(
            TaskDriver driver,
            TaskStore store,
            TaskFeed feed,
            CapturedLogs logs,
            InstantSource clock,
            String region,
            Duration retention,
            PullProgress pullProgress,
            Duration resync,
            TaskRuntimes runtimes) {
        this(
                driver,
                store,
                feed,
                logs,
                clock,
                region,
                retention,
                pullProgress,
                resync,
                ContainerEnvironment.NONE,
                Injector.unavailable(),
                runtimes);
    }

    TaskSupervisor(
            TaskDriver driver,
            TaskStore store,
            TaskFeed feed,
            CapturedLogs logs,
            InstantSource clock,
            String region,
            Duration retention,
            PullProgress pullProgress,
            Duration resync,
            ContainerEnvironment environment,
            Injector injector,
            TaskRuntimes runtimes) {
        this.ctx = new RunnerContext(
                driver,
                store,
                feed,
                logs,
                clock,
                region,
                Duration.ofSeconds(10),
                pullProgress,
                resync,
                environment,
                injector,
                runtimes,
                (task, sandbox) -> guard.sandboxReady(task, sandbox));
        this.retention = retention;
    }

    /**
     * Sets what must hold in each task's sandbox before its containers start (the packet filters of its security
     * groups); set it before {@link #start()}.
     */
    public void guardSandboxes(SandboxGuard guard) {
        this.guard = java.util.Objects.requireNonNull(guard, "guard");
    }

    /** Where this supervisor's runners publish task transitions. */
    public TaskFeed feed() {
        return ctx.feed();
    }

    /** Subscribes to engine events, re-adopts every unfinished task, then starts housekeeping. */
    public void start() {
        subscription = ctx.driver().watch(this::onEvent);
        List<Task> unfinished = ctx.store().unfinished();
        for (Task t : unfinished) {
            spawn(t, true);
        }
        if (!unfinished.isEmpty()) {
            LOG.atInfo().addKeyValue("tasks", unfinished.size()).log("re-adopted unfinished tasks");
        }
        housekeeper = new Housekeeper(
                        List.of(
                                new Housekeeper.Job("forget stopped tasks past retention", this::forgetStopped),
                                new Housekeeper.Job("reap engine objects no task owns", this::reap)),
                        Duration.ofMinutes(1))
                .start();
    }

    public void launch(List<Task> tasks) {
        tasks.forEach(t -> spawn(t, false));
    }

    /** Records the stop decision (first one wins) and wakes the task's runner. */
    public Optional<Task> requestStop(String taskId, StopCode code, String reason) {
        return requestStop(taskId, code, reason, false);
    }

    /** {@link #requestStop(String, StopCode, String)}, removing the task's tags in the same write if asked. */
    public Optional<Task> requestStop(String taskId, StopCode code, String reason, boolean removeTags) {
        Optional<Task> t =
                ctx.store().requestStop(taskId, code, reason, ctx.clock().instant(), removeTags);
        RunnerHandle h = runners.get(taskId);
        if (h != null) {
            h.runner().signal(new Signal.StopRequested());
        }
        return t;
    }

    private void spawn(Task t, boolean adopted) {
        TaskRunner runner = new TaskRunner(ctx, t, adopted);
        runners.computeIfAbsent(
                t.taskId(),
                id -> new RunnerHandle(
                        runner, Thread.ofVirtual().name("task-" + id).start(() -> {
                            try {
                                runner.run();
                            } finally {
                                runners.remove(id);
                            }
                        })));
    }

    private void onEvent(RuntimeEvent e) {
        RunnerHandle h = runners.get(e.taskId());
        if (h == null) {
            return;
        }
        switch (e) {
            case RuntimeEvent.ContainerExited x -> h.runner().signal(new Signal.ContainerExited(x.containerName()));
            case RuntimeEvent.HealthChanged x ->
                h.runner().signal(new Signal.HealthChanged(x.containerName(), x.health()));
            case RuntimeEvent.SandboxExited x -> h.runner().signal(new Signal.SandboxExited());
        }
    }

    private int forgetStopped() {
        return ctx.store()
                .deleteStoppedBefore(ctx.clock().instant().minus(retention))
                .size();
    }

    /**
     * Removes engine objects of this installation whose task is unknown or already STOPPED, in the driver's order
     * (containers before sandboxes, as a task's own shutdown does).
     */
    int reap() {
        int reaped = 0;
        for (OwnedObject o : ctx.driver().listOwned()) {
            if (o.taskId().isEmpty() || runners.containsKey(o.taskId().get())) {
                continue;
            }
            Optional<Task> t = ctx.store().find(o.taskId().get());
            if (t.isEmpty() || t.get().isStopped()) {
                LOG.atInfo()
                        .addKeyValue("taskId", o.taskId().get())
                        .addKeyValue("object", o.runtimeId())
                        .log("reaping engine object no task owns");
                if (o.kind() == OwnedObject.Kind.SANDBOX) {
                    ctx.driver().removeSandbox(o.taskId().get());
                } else {
                    ctx.driver().removeContainer(o.runtimeId());
                }
                reaped++;
            }
        }
        return reaped;
    }

    @Override
    public void close() {
        if (housekeeper != null) {
            housekeeper.close(); // waits, so no reap races the driver's close
        }
        List<RunnerHandle> running = List.copyOf(runners.values());
        running.forEach(h -> h.thread().interrupt());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (RunnerHandle h : running) { // the database closes after this: let runners leave their last write done
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    h.thread().join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.atDebug().setCause(e).log("closing event subscription");
            }
        }
    }
}
