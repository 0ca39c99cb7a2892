package dev.gantry.api.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads API handlers run on: at most {@code threads} platform threads (started on demand, retired after a
 * minute idle) and at most {@code queued} requests waiting for one; a request beyond both is refused with
 * {@link RejectedExecutionException}, which the connection answers with ThrottlingException.
 *
 * <p>Platform threads, not virtual ones: a virtual thread that computes without blocking is never preempted, so two
 * CPU-bound handlers (a backtracking regex did it) held both carriers of a 2-core machine and every other request,
 * and the control plane's virtual threads, waited for minutes. The OS time-slices platform threads. Handlers block
 * only briefly (SQLite under one lock), so a bounded pool costs no throughput (docs/adr/0008).
 */
final class HandlerPool extends ThreadPoolExecutor {

    private static final long IDLE_SECONDS = 60;

    HandlerPool(int threads, int queued) {
        super(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, queue(queued), factory(), new AbortPolicy());
        allowCoreThreadTimeOut(true);
    }

    private static BlockingQueue<Runnable> queue(int queued) {
        return queued == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queued);
    }

    private static java.util.concurrent.ThreadFactory factory() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "gantry-api-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
