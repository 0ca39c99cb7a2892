package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.gantry.runtime.spi.RuntimeEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Docker events subscription for this installation's task containers (die, health_status) and task sandboxes
 * (die), translated into {@link RuntimeEvent}s. Reconnects with backoff, resuming from the last event's second, while not closed; a
 * resume may repeat an event, so listeners treat events as idempotent observations.
 */
final class EventWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWatcher.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final String installationId;
    private final Consumer<RuntimeEvent> listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile ResultCallback.Adapter<Event> current;
    private volatile long lastEventSecond;
    private volatile boolean connected = true;

    EventWatcher(DockerClient docker, String installationId, Consumer<RuntimeEvent> listener) {
        this.docker = docker;
        this.installationId = installationId;
        this.listener = listener;
        this.lastEventSecond = System.currentTimeMillis() / 1000;
        this.thread = Thread.ofVirtual()
                .name("gantry-docker-events-" + installationId)
                .unstarted(this::run);
    }

    EventWatcher start() {
        thread.start();
        return this;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (!closed) {
            Callback callback = new Callback();
            current = callback;
            try {
                docker.eventsCmd()
                        .withEventTypeFilter(EventType.CONTAINER)
                        .withEventFilter("die", "health_status")
                        .withLabelFilter(Map.of(Names.LABEL_INSTALLATION, installationId))
                        .withSince(Long.toString(lastEventSecond))
                        .exec(callback);
                callback.awaitCompletion();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                lost(e.toString());
            }
            if (closed) {
                return;
            }
            Throwable error = callback.error;
            lost(error == null ? "stream ended" : DockerErrors.text(error));
            backoff = callback.started ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), MAX_BACKOFF);
            try {
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Logs the transition to "disconnected" once, not on every failed retry. */
    private void lost(String why) {
        if (!closed && connected) {
            connected = false;
            LOG.atWarn()
                    .addKeyValue("installation", installationId)
                    .addKeyValue("reason", why)
                    .log("docker events stream lost; reconnecting with backoff");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Translates one engine event; empty for events that are not about a Gantry task container or a claimed sandbox
     * (a warm sandbox's exit belongs to no task: the pool notices it at its next claim).
     */
    static Optional<RuntimeEvent> translate(String action, String runtimeId, Map<String, String> attributes) {
        if (action == null || attributes == null || runtimeId == null) {
            return Optional.empty();
        }
        if (Names.ROLE_SANDBOX.equals(attributes.get(Names.LABEL_ROLE))) {
            return action.equals("die")
                    ? Optional.ofNullable(attributes.get("name"))
                            .flatMap(Names::taskIdOfSandbox)
                            .map(taskId -> new RuntimeEvent.SandboxExited(taskId, runtimeId))
                    : Optional.empty();
        }
        String taskId = attributes.get(Names.LABEL_TASK_ID);
        String container = attributes.get(Names.LABEL_CONTAINER_NAME);
        if (taskId == null || container == null) {
            return Optional.empty();
        }
        if (action.equals("die")) {
            return Optional.of(new RuntimeEvent.ContainerExited(taskId, container, runtimeId));
        }
        if (action.startsWith("health_status")) {
            int colon = action.indexOf(':');
            String status = colon < 0 ? "" : action.substring(colon + 1);
            return Observations.health(status)
                    .map(h -> new RuntimeEvent.HealthChanged(taskId, container, runtimeId, h));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        ResultCallback.Adapter<Event> c = current;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing the stream
            }
        }
        thread.interrupt();
    }

    private final class Callback extends ResultCallback.Adapter<Event> {
        volatile boolean started;
        volatile Throwable error;

        @Override
        public void onStart(java.io.Closeable stream) {
            super.onStart(stream);
            started = true;
            if (!connected) {
                connected = true;
                LOG.atInfo().addKeyValue("installation", installationId).log("docker events stream reconnected");
            }
        }

        @Override
        public void onNext(Event event) {
            if (event.getTime() != null) {
                lastEventSecond = Math.max(lastEventSecond, event.getTime());
            }
            String action = event.getAction() != null ? event.getAction() : event.getStatus();
            String id = event.getActor() != null && event.getActor().getId() != null
                    ? event.getActor().getId()
                    : event.getId();
            Map<String, String> attributes =
                    event.getActor() == null ? null : event.getActor().getAttributes();
            translate(action, id, attributes).ifPresent(e -> {
                try {
                    listener.accept(e);
                } catch (RuntimeException failure) {
                    LOG.atWarn()
                            .addKeyValue("event", e)
                            .addKeyValue("error", failure.toString())
                            .log("runtime event listener failed");
                }
            });
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            try {
                close();
            } catch (IOException ignored) {
                // the stream failed already
            }
        }
    }
}
