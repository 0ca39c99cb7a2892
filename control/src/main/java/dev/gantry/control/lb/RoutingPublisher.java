package dev.gantry.control.lb;

import dev.gantry.store.lb.LbState;
import dev.gantry.store.lb.LbStore;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the {@link RoutingSink} a fresh {@link RoutingSnapshot} after each committed change (and at start-up):
 * the store is read after the commit, under one lock, so snapshots arrive in order and the last one is the truth.
 */
public final class RoutingPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingPublisher.class);

    private final LbStore store;
    private final RoutingSink sink;
    private final ReentrantLock lock = new ReentrantLock();
    private long version;

    public RoutingPublisher(LbStore store, RoutingSink sink) {
        this.store = store;
        this.sink = sink;
    }

    /** Reads the committed state and gives it to the sink; a failing sink is logged, never fails the request. */
    public RoutingSnapshot publish() {
        lock.lock();
        try {
            LbState s = store.state();
            RoutingSnapshot snapshot = new RoutingSnapshot(
                    ++version, s.loadBalancers(), s.listeners(), s.rules(), s.targetGroups(), s.targets());
            try {
                sink.apply(snapshot);
            } catch (RuntimeException e) {
                LOG.atError().addKeyValue("version", version).setCause(e).log("routing sink refused a snapshot");
            }
            return snapshot;
        } finally {
            lock.unlock();
        }
    }
}
