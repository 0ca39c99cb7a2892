package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the engine logged an {@code oom} event for a container: the evidence of an OOM kill that does not depend on
 * the order in which the engine received containerd's OOM and exit events.
 *
 * <p>Docker 20.10 sets {@code State.OOMKilled} only when containerd's TaskOOM reaches it before TaskExit; when the
 * exit lands first the container stays {@code OOMKilled: false} for good, although the engine still logs the
 * {@code oom} event for it (seen in {@code docker events}: {@code die} then {@code oom}). Newer engines set the flag
 * on the late event too; the event is there in both cases.
 */
final class EngineOomEvents {
    /** How long the bounded events query may take before it counts as "no event seen". */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private EngineOomEvents() {}

    /** The engine's fractional-seconds time filter; an {@code until} not in the future ends the query at once. */
    static String timestamp(Instant t) {
        return String.format(java.util.Locale.ROOT, "%d.%09d", t.getEpochSecond(), t.getNano());
    }

    /** True if the engine logged an {@code oom} event for the container between {@code since} and {@code until}. */
    static boolean seen(DockerClient docker, String runtimeId, Instant since, Instant until) {
        AtomicBoolean oom = new AtomicBoolean();
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                if (runtimeId.equals(event.getId())
                        || (event.getActor() != null
                                && runtimeId.equals(event.getActor().getId()))) {
                    oom.set(true);
                }
            }
        };
        try (callback) {
            docker.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withEventFilter("oom")
                    .withContainerFilter(runtimeId)
                    .withSince(Long.toString(since.getEpochSecond()))
                    .withUntil(timestamp(until))
                    .exec(callback)
                    .awaitCompletion(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // no answer from the engine's event log: only the flag decides
        }
        return oom.get();
    }
}
