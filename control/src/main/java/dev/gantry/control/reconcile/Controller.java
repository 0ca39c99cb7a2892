package dev.gantry.control.reconcile;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one control loop: a bounded pool of worker (virtual) threads takes keys from a de-duplicating
 * {@link WorkQueue} and hands each to the {@link Reconciler}, one worker per key at a time. A failing key is retried
 * after its capped exponential {@link Backoff} (reset when it succeeds) and never holds up another key; a
 * {@link Result.RequeueAfter} is honoured; every {@code resyncPeriod} all keys from the lister are enqueued again,
 * so drift with no event behind it is still corrected. All timing goes through the injected {@link Scheduler} and
 * {@link InstantSource}. Wiring: {@code Controller.builder("services", reconciler)...build().start()}; event
 * sources call {@link #enqueue}; {@link #close} shuts down in order.
 *
 * @param <K> the key type
 */
public final class Controller<K> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final String name;
    private final Reconciler<K> reconciler;
    private final int workers;
    private final Backoff backoff;
    private final Optional<Resync<K>> resync;
    private final Scheduler scheduler;
    private final Optional<AutoCloseable> ownedScheduler;
    /** How long close waits for a worker to leave once it has nothing to do or was interrupted. */
    private static final Duration WORKER_EXIT_WAIT = Duration.ofSeconds(10);

    private final Duration shutdownGrace;
    private final WorkQueue<K> queue;
    private final Map<K, Integer> failures = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Scheduler.Cancellable nextResync = () -> {};
    private volatile boolean started;
    private volatile boolean closed;

    /** Re-enqueue every key {@code lister} returns, every {@code period}. */
    record Resync<K>(Duration period, Supplier<? extends Collection<K>> lister) {
        Resync {
            Objects.requireNonNull(lister, "lister");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("resync period must be positive: " + period);
            }
        }
    }

    Controller(ControllerBuilder<K> b) {
        this.name = b.name;
        this.reconciler = b.reconciler;
        this.workers = b.workers;
        this.backoff = b.backoff;
        this.resync = b.resync;
        this.shutdownGrace = b.shutdownGrace;
        if (b.scheduler.isPresent()) {
            this.scheduler = b.scheduler.get();
            this.ownedScheduler = Optional.empty();
        } else {
            SystemScheduler own = new SystemScheduler(b.name);
            this.scheduler = own;
            this.ownedScheduler = Optional.of(own);
        }
        this.queue = new WorkQueue<>(b.clock, scheduler);
    }

    public static <K> ControllerBuilder<K> builder(String name, Reconciler<K> reconciler) {
        return new ControllerBuilder<>(name, reconciler);
    }

    public String name() {
        return name;
    }

    /** Starts the workers and, with a lister, enqueues every key at once and then every resync period. */
    public synchronized Controller<K> start() {
        if (started || closed) {
            return this;
        }
        started = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("reconcile-" + name + "-" + i).start(this::work));
        }
        resync.ifPresent(r -> resyncNow());
        LOG.atInfo()
                .addKeyValue("controller", name)
                .addKeyValue("workers", workers)
                .addKeyValue("resync", resync.map(r -> r.period().toString()).orElse("none"))
                .log("controller started");
        return this;
    }

    /** Asks for {@code key} to be reconciled; de-duplicated with any pending request for it. */
    public void enqueue(K key) {
        queue.add(Objects.requireNonNull(key));
    }

    /** Asks for {@code key} to be reconciled after {@code delay} (an earlier pending request wins). */
    public void enqueueAfter(K key, Duration delay) {
        queue.addAfter(Objects.requireNonNull(key), delay);
    }

    /** Consecutive failures of {@code key} so far (0 once it succeeds): what its next backoff is based on. */
    public int failures(K key) {
        return failures.getOrDefault(key, 0);
    }

    /**
     * Waits until no key is ready or being worked; delayed retries and requeues may still be pending. For tests
     * driving a hand-advanced clock, and for orderly hand-overs. False if {@code limit} passed first.
     */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        return queue.awaitIdle(limit);
    }

    /** Worker threads still alive (0 once {@link #close} has returned). */
    long liveWorkers() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    private void resyncNow() {
        if (closed) {
            return;
        }
        Resync<K> r = resync.orElseThrow();
        try {
            r.lister().get().forEach(queue::add);
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("controller", name)
                    .addKeyValue("error", e.toString())
                    .log("resync could not list keys; trying again next period");
        }
        nextResync = scheduler.schedule(r.period(), this::resyncNow);
    }

    private void work() {
        while (true) {
            K key;
            try {
                Optional<K> next = queue.take();
                if (next.isEmpty()) {
                    return;
                }
                key = next.get();
            } catch (InterruptedException e) {
                return;
            }
            try {
                handle(key, reconcileSafely(key));
            } finally {
                queue.done(key);
            }
        }
    }

    /**
     * The reconciler's result; what it throws is a {@link Result.Failed}, an {@link Error} included (logged at error:
     * a bug, e.g. an AssertionError or a class that failed to initialise), so that one key's bug neither kills the
     * worker, which other keys need, nor goes unlogged. Only the JVM's own failures (out of memory, internal error)
     * propagate, after a log line.
     */
    private Result reconcileSafely(K key) {
        try {
            return Objects.requireNonNull(reconciler.reconcile(key), "a reconciler returned null");
        } catch (RuntimeException e) {
            return new Result.Failed(e);
        } catch (StackOverflowError e) {
            logError(key, e);
            return new Result.Failed(e);
        } catch (VirtualMachineError e) {
            logError(key, e);
            throw e;
        } catch (Throwable e) { // Errors, and checked exceptions thrown sneakily
            logError(key, e);
            return new Result.Failed(e);
        }
    }

    private void logError(K key, Throwable e) {
        LOG.atError()
                .addKeyValue("controller", name)
                .addKeyValue("key", key)
                .setCause(e)
                .log("reconciler threw an error");
    }

    private void handle(K key, Result result) {
        switch (result) {
            case Result.Done d -> succeeded(key);
            case Result.RequeueAfter r -> {
                succeeded(key);
                queue.addAfter(key, r.delay());
            }
            case Result.Failed f -> {
                int n = failures.merge(key, 1, Integer::sum);
                Duration retry = backoff.delay(n);
                queue.addAfter(key, retry);
                var log = n == 1 ? LOG.atWarn() : LOG.atDebug();
                log.addKeyValue("controller", name)
                        .addKeyValue("key", key)
                        .addKeyValue("failures", n)
                        .addKeyValue("retryIn", retry)
                        .addKeyValue("error", String.valueOf(f.cause()))
                        .log("reconcile failed; retrying with backoff");
            }
        }
    }

    private void succeeded(K key) {
        Integer before = failures.remove(key);
        if (before != null) {
            LOG.atInfo()
                    .addKeyValue("controller", name)
                    .addKeyValue("key", key)
                    .addKeyValue("failures", before)
                    .log("reconcile recovered");
        }
    }

    /**
     * Stops: no key is handed out or enqueued any more, pending retries and the resync are dropped, passes in
     * progress finish (workers are interrupted only if they take longer than the shutdown grace). Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        nextResync.cancel();
        queue.shutDown();
        try {
            if (!queue.awaitNoneWorking(shutdownGrace.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.atWarn()
                        .addKeyValue("controller", name)
                        .addKeyValue("grace", shutdownGrace)
                        .log("reconcile passes outlived the shutdown grace; interrupting them");
                threads.forEach(Thread::interrupt);
            }
            for (Thread t : threads) { // an idle or interrupted worker leaves at once; bound the wait all the same
                t.join(WORKER_EXIT_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ownedScheduler.ifPresent(s -> {
            try {
                s.close();
            } catch (Exception ignored) {
                // SystemScheduler.close does not throw
            }
        });
        LOG.atInfo().addKeyValue("controller", name).log("controller stopped");
    }
}
