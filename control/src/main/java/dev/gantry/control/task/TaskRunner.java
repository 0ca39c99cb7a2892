package dev.gantry.control.task;

import dev.gantry.control.feed.TaskTransition;
import dev.gantry.control.feed.TaskTransitions;
import dev.gantry.control.inject.ContainerInputs;
import dev.gantry.control.inject.InjectionFailure;
import dev.gantry.control.logs.AwsLogsTarget;
import dev.gantry.control.logs.LogShipper;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.lifecycle.StartDecision;
import dev.gantry.core.lifecycle.StartOrder;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.ContainerStatus;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Reasons;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskNetwork;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one task from launch (or re-adoption after a restart) to STOPPED, on its own virtual thread. It is the only
 * writer of the task's observed state, and publishes each committed change to the task-change feed. Every step
 * is idempotent against the engine (deterministic names, inspect before act), so a runner that re-adopts a task
 * part-way through simply continues.
 *
 * <p>Writes are lean: {@link #stage} keeps an observation in memory and the next {@link #report} writes it
 * together with its own, in one transaction. Steps that follow each other with no wait in between (start the
 * containers, ACTIVATING, RUNNING) stage; a report is made before anything that waits (a pull, a container's stop
 * timeout, a dependency, the mailbox), so what DescribeTasks shows is never stale for longer than a few engine
 * calls, and before the first container starts, so the containers' runtime ids are stored (and published) before
 * any process of the task can ask the task endpoint for its metadata, as the ECS agent knows a DockerId once the
 * container is created. A crash loses only staged observations, which the re-adopted runner redoes
 * idempotently.
 */
final class TaskRunner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final RunnerContext ctx;
    private final boolean adopted;
    private final BlockingQueue<Signal> mailbox = new LinkedBlockingQueue<>();
    private final Map<String, Thread> shippers = new HashMap<>();
    private final Map<String, Instant> waitingSince = new HashMap<>();
    /** Image checks started before the sandbox claim, by image; runner thread only. */
    private final Map<String, CompletableFuture<String>> images = new HashMap<>();
    /** The threads running {@link #images}' checks, interrupted when the task stops before joining them. */
    private final List<Thread> imageThreads = new ArrayList<>();
    /** Secrets, environment files and registry credentials, resolved once per start; memory only, never stored. */
    private Map<String, ContainerInputs> inputs;
    /** The task as last written or read: the compare-and-set base of the next report. */
    private Task persisted;
    /** {@link #persisted} plus any staged, not yet written observations. */
    private Task task;

    TaskRunner(RunnerContext ctx, Task task, boolean adopted) {
        this.ctx = ctx;
        this.persisted = task;
        this.task = task;
        this.adopted = adopted;
    }

    String taskId() {
        return task.taskId();
    }

    void signal(Signal s) {
        mailbox.add(s);
    }

    @Override
    public void run() {
        try {
            live();
        } finally {
            cancelImageChecks();
        }
    }

    private void live() {
        if (adopted) {
            ctx.feed().publish(TaskTransitions.state(task, TaskTransition.Cause.RESYNC));
        }
        try {
            if (!stopWanted() && !observed().phase().hasReached(TaskPhase.RUNNING)) {
                startUp();
            }
            if (!stopWanted() && observed().phase() == TaskPhase.RUNNING) {
                monitor();
            }
        } catch (InterruptedException e) {
            LOG.atDebug().addKeyValue("taskArn", task.taskArn()).log("runner interrupted; task left for re-adoption");
            return;
        } catch (TaskFailure f) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the failure was caused by shutdown interrupting a call: leave the task for re-adoption
            }
            failToStart(f);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the server is shutting down mid-call: leave the task for re-adoption
            }
            if (e instanceof RuntimeError re) {
                failToStart(new TaskFailure(prefix(re) + re.getMessage(), Map.of()));
            } else {
                LOG.atError().addKeyValue("taskArn", task.taskArn()).setCause(e).log("task runner failed");
                failToStart(new TaskFailure("InternalError: " + e.getMessage(), Map.of()));
            }
        }
        shutDownUntilDone();
    }

    /** The stop half must finish: an engine error is retried with backoff until STOPPED or the server stops. */
    private void shutDownUntilDone() {
        cancelImageChecks(); // stopped before PULLING: nobody will join them
        long backoffMillis = 1000;
        while (true) {
            try {
                TaskShutdown.run(this);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.atWarn()
                        .addKeyValue("taskArn", task.taskArn())
                        .addKeyValue("retryInMs", backoffMillis)
                        .setCause(e)
                        .log("task shutdown failed; retrying");
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 30_000);
            }
        }
    }

    // ---- start-up: PROVISIONING -> PENDING -> ACTIVATING -> RUNNING ----

    private void startUp() throws InterruptedException {
        if (!observed().phase().hasReached(TaskPhase.CREATING)) {
            checkImagesMeanwhile(); // the image check (or pull) runs while the sandbox is claimed
        }
        Sandbox sandbox = sandbox();
        if (stopWanted()) {
            return;
        }
        guard(sandbox); // e.g. the security groups' filters: in place before any container can send or listen
        if (observed().phase() == TaskPhase.PULLING) {
            pullImages();
        }
        if (stopWanted()) {
            return;
        }
        if (observed().phase() == TaskPhase.CREATING) {
            for (ContainerDefinition c : task.spec().containers()) {
                if (observed()
                        .container(c.name())
                        .flatMap(ContainerState::runtimeId)
                        .isEmpty()) {
                    String id = ctx.driver()
                            .createContainer(
                                    sandbox,
                                    ContainerSpecs.of(
                                            task.spec(),
                                            c,
                                            ctx.region(),
                                            ctx.runtimes().runtimeFor(task.spec()),
                                            ctx.environment(),
                                            inputs(c)));
                    stage(observed().withContainer(c.name(), s -> s.withRuntimeId(id)));
                }
            }
            // committed before any container starts: a container may read its own metadata (its DockerId) at once
            report(observed().withPhase(TaskPhase.STARTING));
        }
        if (observed().phase() == TaskPhase.STARTING) {
            if (adopted) {
                ContainerWatch.sync(this);
            }
            startContainers();
        }
        if (stopWanted()) {
            return;
        }
        if (observed().phase() == TaskPhase.ACTIVATING) {
            Instant now = ctx.clock().instant();
            report(observed().withStartedAt(now).withPhase(TaskPhase.RUNNING));
            LOG.atInfo()
                    .addKeyValue("taskArn", task.taskArn())
                    .addKeyValue(
                            "ip",
                            observed()
                                    .attachment()
                                    .map(NetworkAttachment::privateIPv4Address)
                                    .orElse(""))
                    .addKeyValue(
                            "sinceRunTaskMs",
                            Duration.between(task.spec().createdAt(), now).toMillis())
                    .log("task became RUNNING");
        }
    }

    private Sandbox sandbox() {
        if (observed().phase() == TaskPhase.CLAIMING_SANDBOX
                || observed().sandboxId().isEmpty()) {
            Sandbox sb = ctx.driver()
                    .claimSandbox(
                            ContainerSpecs.ref(task.spec()),
                            ContainerSpecs.resources(task.spec()),
                            task.spec().network().map(TaskNetwork::networkName));
            NetworkAttachment eni = new NetworkAttachment(
                    Ids.attachmentId(task.taskId()),
                    "ATTACHED",
                    sb.ipv4Address(),
                    sb.macAddress(),
                    task.spec().network().map(TaskNetwork::subnetId).orElse(DefaultVpc.SUBNET_ID),
                    Ids.eniId(task.taskId()));
            Instant now = ctx.clock().instant();
            stage(observed().withSandbox(sb.runtimeId(), eni, now).withPhase(TaskPhase.PULLING));
            return sb;
        }
        return ctx.driver()
                .findSandbox(task.taskId())
                .orElseThrow(() -> new TaskFailure(
                        Reasons.RESOURCE_INITIALIZATION + "the task's network sandbox no longer exists", Map.of()));
    }

    private void guard(Sandbox sandbox) {
        try {
            ctx.guard().sandboxReady(task.spec(), sandbox);
        } catch (SandboxGuard.Refused e) {
            throw new TaskFailure(Reasons.RESOURCE_INITIALIZATION + e.getMessage(), Map.of());
        }
    }

    private void pullImages() {
        for (ContainerDefinition c : task.spec().containers()) {
            AwsLogsTarget.of(task.spec(), c)
                    .filter(t -> !t.createGroup() && !ctx.logs().groupExists(t.group()))
                    .ifPresent(t -> {
                        throw missingLogGroup(t);
                    });
        }
        if (observed().pullStartedAt().isEmpty()) {
            report(observed().withPullStarted(ctx.clock().instant())); // before a pull that may take a while
        }
        Map<String, String> digests = new HashMap<>();
        for (ContainerDefinition c : task.spec().containers()) {
            if (!digests.containsKey(c.image())) {
                try {
                    digests.put(c.image(), image(c));
                } catch (RuntimeError e) {
                    if (e.kind() != RuntimeError.Kind.CANNOT_PULL_CONTAINER) {
                        throw e;
                    }
                    String reason = Reasons.CANNOT_PULL + "pull image " + c.image() + ": " + e.getMessage();
                    Map<String, String> reasons = new LinkedHashMap<>();
                    task.spec().containers().stream()
                            .filter(d -> d.image().equals(c.image()))
                            .forEach(d -> reasons.put(d.name(), reason));
                    throw new TaskFailure(reason, reasons);
                }
            }
        }
        TaskObserved o = observed();
        for (ContainerDefinition c : task.spec().containers()) {
            o = o.withContainer(c.name(), s -> s.withImageDigest(digests.get(c.image())));
        }
        stage(o.withPullStopped(ctx.clock().instant()).withPhase(TaskPhase.CREATING));
    }

    /** Starts making each of the task's images present, each on its own virtual thread; {@link #image} joins. */
    private void checkImagesMeanwhile() {
        for (ContainerDefinition c : task.spec().containers()) {
            var auth = inputs(c).registryAuth(); // registry credentials are read before any pull
            images.computeIfAbsent(
                    c.image(),
                    i -> CompletableFuture.supplyAsync(
                            () -> ctx.driver().ensureImage(i, auth, ctx.pullProgress()),
                            work -> imageThreads.add(Thread.ofVirtual()
                                    .name("image-" + task.taskId())
                                    .start(work))));
        }
    }

    /** Cancels the image checks nobody joined (the task stopped before PULLING), so no pull outlives its task. */
    private void cancelImageChecks() {
        images.values().forEach(f -> f.cancel(true));
        images.clear();
        imageThreads.forEach(Thread::interrupt);
        imageThreads.clear();
    }

    /** The image's id, from the check started meanwhile (or now, after a re-adoption); its failure as is. */
    private String image(ContainerDefinition c) {
        String image = c.image();
        CompletableFuture<String> check = images.remove(image);
        if (check == null) {
            return ctx.driver().ensureImage(image, inputs(c).registryAuth(), ctx.pullProgress());
        }
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for image " + image, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The container's secrets, environment files and registry credentials, read (as the execution role) at the
     * first need of this start and kept in memory: a re-adopted runner reads them again if it must still pull or
     * create. What cannot be had stops the task with Fargate's ResourceInitializationError.
     */
    private ContainerInputs inputs(ContainerDefinition c) {
        if (inputs == null) {
            try {
                inputs = ctx.injector().resolve(task.spec());
            } catch (InjectionFailure e) {
                throw new TaskFailure(e.getMessage(), Map.of());
            }
        }
        return inputs.getOrDefault(c.name(), ContainerInputs.NONE);
    }

    private void startContainers() throws InterruptedException {
        while (true) {
            boolean waiting = false;
            for (ContainerDefinition c : task.spec().containers()) {
                ContainerState s = observed().container(c.name()).orElseThrow();
                if (s.lastStatus() != ContainerStatus.PENDING) {
                    continue;
                }
                if (stopWanted()) {
                    return; // a StopTask while PENDING: start nothing more
                }
                StartDecision d = StartOrder.decide(c, states());
                switch (d) {
                    case StartDecision.Ready r -> start(c, s);
                    case StartDecision.Impossible i ->
                        throw new TaskFailure(
                                Reasons.CANNOT_START + "container " + c.name() + " cannot start: " + i.reason(),
                                Map.of(c.name(), "DependencyError: " + i.reason()));
                    case StartDecision.Wait w -> {
                        waiting = true;
                        checkStartTimeout(c, w);
                    }
                }
            }
            if (stopWanted()) {
                return;
            }
            if (!waiting) {
                stage(observed().withPhase(TaskPhase.ACTIVATING));
                return;
            }
            report(observed()); // what started so far, before waiting on a dependency
            Signal sig = mailbox.poll(1, TimeUnit.SECONDS);
            if (sig != null) {
                handle(sig);
            } else {
                ContainerWatch.sync(this); // a health or exit event may have been missed (e.g. the engine restarted)
            }
        }
    }

    private void start(ContainerDefinition c, ContainerState s) {
        String id = s.runtimeId().orElseThrow();
        AwsLogsTarget.of(task.spec(), c).filter(t -> !ctx.logs().openStream(t)).ifPresent(t -> {
            throw missingLogGroup(t); // deleted since the pre-flight check
        });
        try {
            ctx.driver().startContainer(id);
        } catch (RuntimeError e) {
            String reason = Reasons.CANNOT_START + e.getMessage();
            throw new TaskFailure(reason, Map.of(c.name(), reason));
        }
        stage(observed().withContainer(c.name(), x -> x.running(ctx.clock().instant())));
        shipLogs(c, id);
    }

    /**
     * As the ECS agent does: a dependency's {@code startTimeout} bounds how long dependents wait for it to reach
     * the condition, counted from when the dependency started (or from when waiting began, if it has not).
     */
    private void checkStartTimeout(ContainerDefinition c, StartDecision.Wait w) {
        Optional<Integer> timeout = task.spec().container(w.dependency()).map(ContainerDefinition::startTimeout);
        if (timeout.isEmpty()) {
            return;
        }
        Instant since = observed()
                .container(w.dependency())
                .flatMap(ContainerState::startedAt)
                .orElseGet(() ->
                        waitingSince.computeIfAbsent(c.name(), n -> ctx.clock().instant()));
        if (ctx.clock().instant().isAfter(since.plusSeconds(timeout.get()))) {
            String why = w.dependency() + " did not reach " + w.condition() + " within its startTimeout of "
                    + timeout.get() + "s";
            throw new TaskFailure(
                    Reasons.DEPENDENCY_TIMEOUT + "container " + c.name() + ": " + why,
                    Map.of(c.name(), Reasons.DEPENDENCY_TIMEOUT + why));
        }
    }

    // ---- RUNNING ----

    private void monitor() throws InterruptedException {
        if (adopted) {
            ContainerWatch.sync(this);
            shipAllLogs();
        }
        while (!stopWanted()) {
            Signal sig = mailbox.poll(ctx.resync().toMillis(), TimeUnit.MILLISECONDS);
            if (sig != null) {
                handle(sig);
            } else {
                ContainerWatch.sync(this); // events are not replayed across an engine restart: look, don't assume
                ContainerWatch.checkSandbox(this);
            }
        }
    }

    private void handle(Signal sig) {
        switch (sig) {
            case Signal.StopRequested s -> refresh();
            case Signal.ContainerExited e -> ContainerWatch.recordExit(this, e.container());
            case Signal.HealthChanged h -> ContainerWatch.recordHealth(this, h.container(), h.health());
            case Signal.SandboxExited x -> ContainerWatch.checkSandbox(this);
        }
    }

    // ---- stopping: DEACTIVATING -> STOPPING -> DEPROVISIONING -> STOPPED ----

    private void failToStart(TaskFailure f) {
        TaskObserved o = observed();
        for (Map.Entry<String, String> e : f.containerReasons().entrySet()) {
            Instant now = ctx.clock().instant();
            o = o.withContainer(e.getKey(), x -> x.stopped(Optional.empty(), Optional.of(e.getValue()), now));
        }
        boolean started = o.phase().hasReached(TaskPhase.RUNNING);
        reportAndRequestStop(
                o, started ? StopCode.EssentialContainerExited : StopCode.TaskFailedToStart, f.getMessage());
        LOG.atWarn()
                .addKeyValue("taskArn", task.taskArn())
                .addKeyValue("reason", f.getMessage())
                .log("task failed to start");
    }

    // ---- shared helpers (package-private for TaskShutdown) ----

    RunnerContext ctx() {
        return ctx;
    }

    Task task() {
        return task;
    }

    TaskObserved observed() {
        return task.observed();
    }

    Map<String, Thread> shippers() {
        return shippers;
    }

    /** Keeps an observation in memory only; the next {@link #report} writes it. */
    void stage(TaskObserved o) {
        task = new Task(task.spec(), task.desired(), o, task.version());
    }

    /** Writes {@code o} (with anything staged before it) in one transaction and publishes the change. */
    void report(TaskObserved o) {
        Task before = persisted;
        written(before, ctx.store().reportObserved(before, o));
    }

    /** A report and a stop decision in one transaction (the first stop decision wins). */
    void reportAndRequestStop(TaskObserved o, StopCode code, String reason) {
        Task before = persisted;
        written(
                before,
                ctx.store()
                        .reportObservedAndRequestStop(
                                before, o, code, reason, ctx.clock().instant()));
    }

    private void written(Task before, Task after) {
        persisted = after;
        task = after;
        TaskTransitions.between(before, after).ifPresent(ctx.feed()::publish);
        if (before.observed().phase() != after.observed().phase()) {
            LOG.atDebug()
                    .addKeyValue("taskArn", task.taskArn())
                    .addKeyValue("from", before.observed().phase())
                    .addKeyValue("to", after.observed().phase())
                    .log("task phase changed");
        }
    }

    void requestStop(StopCode code, String reason) {
        ctx.store()
                .requestStop(task.taskId(), code, reason, ctx.clock().instant())
                .ifPresent(this::reread);
    }

    private void refresh() {
        ctx.store()
                .findDesired(task.taskId())
                .ifPresent(d -> reread(new Task(
                        task.spec(),
                        d.desired(),
                        persisted.observed(),
                        d.version()))); // the runner owns the observed half: only the rest can move
    }

    /** Takes the desired half and version from the store; keeps this runner's staged observations. */
    private void reread(Task stored) {
        persisted = stored;
        task = new Task(stored.spec(), stored.desired(), task.observed(), stored.version());
    }

    private boolean stopWanted() {
        return task.desired().status() == DesiredStatus.STOPPED;
    }

    private Map<String, ContainerState> states() {
        Map<String, ContainerState> m = new LinkedHashMap<>();
        observed().containers().forEach(c -> m.put(c.name(), c));
        return m;
    }

    /** Makes sure every created container's output is being captured (after re-adoption, shutdown needs it). */
    void shipAllLogs() {
        for (ContainerDefinition c : task.spec().containers()) {
            observed().container(c.name()).flatMap(ContainerState::runtimeId).ifPresent(id -> shipLogs(c, id));
        }
    }

    private void shipLogs(ContainerDefinition c, String runtimeId) {
        if (shippers.containsKey(c.name())) {
            return;
        }
        AwsLogsTarget.of(task.spec(), c)
                .ifPresent(target -> shippers.put(
                        c.name(),
                        Thread.ofVirtual()
                                .name("logs-" + c.name() + "-" + task.taskId())
                                .start(new LogShipper(ctx.driver(), ctx.logs(), runtimeId, target))));
    }

    private static TaskFailure missingLogGroup(AwsLogsTarget t) {
        return new TaskFailure(
                Reasons.RESOURCE_INITIALIZATION + "failed to validate logger args: "
                        + "The specified log group does not exist: " + t.group()
                        + " (create it, or set awslogs-create-group to \"true\")",
                Map.of());
    }

    private static String prefix(RuntimeError e) {
        return switch (e.kind()) {
            case CANNOT_PULL_CONTAINER -> Reasons.CANNOT_PULL;
            case CANNOT_START_CONTAINER -> Reasons.CANNOT_START;
            case CANNOT_CREATE_CONTAINER -> "CannotCreateContainerError: ";
            case CANNOT_STOP_CONTAINER -> "CannotStopContainerError: ";
            case CANNOT_INSPECT_CONTAINER -> "CannotInspectContainerError: ";
            case SANDBOX_FAILED, ENGINE_UNAVAILABLE, NETWORK_CONFLICT -> Reasons.RESOURCE_INITIALIZATION;
        };
    }
}
