package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.RuntimeError;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams one container's output into {@link LogLine}s, blocking the calling (virtual) thread.
 *
 * <p>Docker (seen with 20.10) can end a follow stream when the container exits before it has sent the last
 * message, typically a final line without a newline. So once the follow ends, one non-following read from just
 * before the latest line seen delivers the rest, and {@link SeenLines} drops what was already delivered.
 */
final class LogFollower {

    private final DockerClient docker;

    LogFollower(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * Follows stdout and stderr from {@code since} (exclusive) until the container has exited and its output is
     * drained, or the calling thread is interrupted. Returns quietly if the container does not exist. A container
     * that has not been started yet has nothing to follow: this returns at once.
     */
    void follow(String runtimeId, Optional<Instant> since, Consumer<LogLine> sink) {
        SeenLines seen = new SeenLines(sink);
        LogLineSplitter splitter = new LogLineSplitter(since, seen);
        if (!read(runtimeId, since, true, splitter)) {
            return;
        }
        splitter.discardPending();
        if (read(runtimeId, seen.resumePoint().or(() -> since), false, splitter)) {
            splitter.flush();
        }
    }

    /** One logs request; false if interrupted or the container is gone. */
    private boolean read(String runtimeId, Optional<Instant> since, boolean follow, LogLineSplitter splitter) {
        Callback callback = new Callback(splitter);
        var cmd = docker.logContainerCmd(runtimeId)
                .withStdOut(true)
                .withStdErr(true)
                .withTimestamps(true)
                .withFollowStream(follow);
        since.ifPresent(s -> cmd.withSince((int) Math.min(Integer.MAX_VALUE, s.getEpochSecond())));
        try {
            cmd.exec(callback);
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (NotFoundException gone) {
            return false;
        } finally {
            try {
                callback.close();
            } catch (IOException ignored) {
                // closing a finished or abandoned stream
            }
        }
        if (callback.failure instanceof NotFoundException) {
            return false;
        }
        if (callback.failure != null) {
            throw DockerErrors.of(RuntimeError.Kind.CANNOT_INSPECT_CONTAINER, callback.failure, true);
        }
        return true;
    }

    private static final class Callback extends ResultCallback.Adapter<Frame> {
        private final LogLineSplitter splitter;
        volatile Throwable failure;

        Callback(LogLineSplitter splitter) {
            this.splitter = splitter;
        }

        @Override
        public void onNext(Frame frame) {
            StreamType type = frame.getStreamType();
            splitter.accept(type == StreamType.STDERR, type == StreamType.RAW, frame.getPayload());
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            try {
                close();
            } catch (IOException ignored) {
                // the stream failed already
            }
        }
    }
}
