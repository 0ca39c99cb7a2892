package dev.gantry.control.reconcile;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds a {@link Controller}: workers, backoff, resync, clock and scheduler. Defaults suit production. */
public final class ControllerBuilder<K> {

    final String name;
    final Reconciler<K> reconciler;
    int workers = 2;
    Backoff backoff = Backoff.DEFAULT;
    Optional<Controller.Resync<K>> resync = Optional.empty();
    InstantSource clock = InstantSource.system();
    Optional<Scheduler> scheduler = Optional.empty();
    Duration shutdownGrace = Duration.ofSeconds(10);

    ControllerBuilder(String name, Reconciler<K> reconciler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a controller needs a name (it appears in logs and thread names)");
        }
        this.name = name;
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    }

    /** How many keys may be worked at once (each on its own virtual thread). Default 2. */
    public ControllerBuilder<K> workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a controller needs at least one worker: " + workers);
        }
        this.workers = workers;
        return this;
    }

    public ControllerBuilder<K> backoff(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff);
        return this;
    }

    /**
     * Enqueue every key {@code lister} returns at start and every {@code period} (the store is the truth). The
     * lister runs on the scheduler's thread: make it one quick, index-backed read.
     */
    public ControllerBuilder<K> resync(Duration period, Supplier<? extends Collection<K>> lister) {
        this.resync = Optional.of(new Controller.Resync<>(period, lister));
        return this;
    }

    /** The clock delays are measured on; give the same one as {@link #scheduler}. */
    public ControllerBuilder<K> clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Runs delayed work; by default a {@link SystemScheduler} the controller owns and closes. */
    public ControllerBuilder<K> scheduler(Scheduler scheduler) {
        this.scheduler = Optional.of(scheduler);
        return this;
    }

    /** How long {@link Controller#close} lets passes in progress finish before interrupting them. Default 10 s. */
    public ControllerBuilder<K> shutdownGrace(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("shutdown grace cannot be negative: " + grace);
        }
        this.shutdownGrace = grace;
        return this;
    }

    public Controller<K> build() {
        return new Controller<>(this);
    }
}
