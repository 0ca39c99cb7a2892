package dev.gantry.control.discovery;

import dev.gantry.core.servicediscovery.Operation;
import dev.gantry.store.servicediscovery.CloudMapStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background step that moves Cloud Map operations on (SUBMITTED → PENDING → SUCCESS, one
 * {@link Operation#STEP} each; the change itself was committed with the call). It runs only while operations are
 * open: a submission {@link #nudge}s it, and {@link #start} finishes what a previous process left open. The decision
 * is core's ({@link Operation#advance}); this applies it.
 */
public final class OperationProgress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationProgress.class);

    private final CloudMapStore store;
    private final InstantSource clock;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public OperationProgress(CloudMapStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudmap-operations");
            t.setDaemon(true);
            return t;
        });
    }

    /** Finishes operations a previous process left open. */
    public void start() {
        nudge();
    }

    /** An operation was submitted: step soon. */
    public void nudge() {
        if (scheduled.compareAndSet(false, true) && !timer.isShutdown()) {
            try {
                timer.schedule(this::step, Operation.STEP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    /** One pass: advances what is due; true when operations remain open. Public for tests. */
    public boolean stepNow() {
        List<Operation> open = store.openOperations();
        List<Operation> moved = new ArrayList<>();
        for (Operation op : open) {
            Optional<Operation> next = op.advance(clock.instant());
            next.ifPresent(moved::add);
        }
        store.saveOperations(moved);
        return moved.stream().anyMatch(o -> !o.status().finished()) || moved.size() < open.size();
    }

    private void step() {
        scheduled.set(false);
        try {
            if (stepNow()) {
                nudge();
            }
        } catch (RuntimeException e) {
            LOG.atWarn().setCause(e).log("Cloud Map operations could not be advanced; retrying");
            nudge();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
