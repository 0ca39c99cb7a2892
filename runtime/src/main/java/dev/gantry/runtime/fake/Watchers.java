package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.RuntimeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event subscriptions. As with an engine's event stream, each subscriber gets events on its own thread, in the
 * order they happened, never on the thread that caused them; a listener may call the driver back. Events published
 * while nobody watches are lost, as an engine's are across a control-plane restart.
 */
final class Watchers {

    private static final Logger LOG = LoggerFactory.getLogger(Watchers.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Called under the driver's lock, so events are queued in the order the state changed. Never blocks. */
    void publish(RuntimeEvent event) {
        for (Subscription s : subscriptions) {
            s.queue.add(event);
        }
    }

    AutoCloseable subscribe(Consumer<RuntimeEvent> listener) {
        Subscription s = new Subscription(listener);
        subscriptions.add(s);
        s.thread.start();
        return () -> {
            subscriptions.remove(s);
            s.close();
        };
    }

    void closeAll() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    private static final class Subscription {
        final LinkedBlockingQueue<RuntimeEvent> queue = new LinkedBlockingQueue<>();
        final Consumer<RuntimeEvent> listener;
        final Thread thread;
        volatile boolean closed;

        Subscription(Consumer<RuntimeEvent> listener) {
            this.listener = listener;
            this.thread = Thread.ofVirtual().name("gantry-fake-driver-events").unstarted(this::run);
        }

        private void run() {
            while (!closed) {
                RuntimeEvent e;
                try {
                    e = queue.take();
                } catch (InterruptedException stop) {
                    return;
                }
                if (closed) {
                    return;
                }
                try {
                    listener.accept(e);
                } catch (RuntimeException failure) {
                    LOG.atWarn()
                            .addKeyValue("event", e)
                            .addKeyValue("error", failure.toString())
                            .log("runtime event listener failed");
                }
            }
        }

        void close() {
            closed = true;
            thread.interrupt();
        }
    }
}
