package dev.gantry.runtime.fake;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fake container's delayed steps (an exit or a health change some time after its start). The default runs
 * them on one daemon thread in real time; a test with a hand-advanced clock passes its own, so delayed steps run
 * when it advances the clock. Actions are short and never block.
 */
@FunctionalInterface
public interface FakeTimer {

    void schedule(Duration delay, Runnable action);

    /** Real time, on one daemon thread: cheap for thousands of pending steps. Closed with its driver. */
    static Closeable realTime() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gantry-fake-driver-timer");
            t.setDaemon(true);
            return t;
        });
        return new Closeable() {
            @Override
            public void schedule(Duration delay, Runnable action) {
                if (!executor.isShutdown()) {
                    executor.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }

    /** A timer that owns a thread and is closed with the driver that created it. */
    interface Closeable extends FakeTimer, AutoCloseable {
        @Override
        void close();
    }
}
