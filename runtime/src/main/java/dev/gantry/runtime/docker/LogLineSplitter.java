package dev.gantry.runtime.docker;

import dev.gantry.runtime.spi.LogLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns Docker log frames (requested with timestamps) into {@link LogLine}s. Pure: no engine access.
 *
 * <p>Multiplexed frames each hold one log message, {@code <RFC3339Nano> <text>}, normally ending in a newline. A
 * message over 16 KiB arrives as several frames, each with its own timestamp and only the last with the newline:
 * the continuation frames' timestamps are dropped and their text joined. RAW frames (TTY containers) are arbitrary
 * chunks of the byte stream, so they are only split on newlines. Lines whose timestamp is not after {@code since}
 * are dropped: Docker's {@code since} has whole-second precision, this makes the resume exact.
 */
final class LogLineSplitter {

    private final Optional<Instant> since;
    private final Consumer<LogLine> sink;
    private final StreamState out = new StreamState(false);
    private final StreamState err = new StreamState(true);

    LogLineSplitter(Optional<Instant> since, Consumer<LogLine> sink) {
        this.since = since;
        this.sink = sink;
    }

    /** Feeds one frame. {@code raw}: the frame is a chunk of an unframed (TTY) stream. */
    void accept(boolean stderr, boolean raw, byte[] payload) {
        StreamState s = stderr ? err : out;
        int from = 0;
        if (!raw && s.buf.size() > 0) {
            from = timestampPrefixEnd(payload);
        }
        for (int i = from; i < payload.length; i++) {
            if (payload[i] == '\n') {
                s.buf.write(payload, from, i - from);
                emit(s);
                from = i + 1;
            }
        }
        s.buf.write(payload, from, payload.length - from);
    }

    /** Emits whatever is pending (a last line without a newline) at the end of the stream. */
    void flush() {
        if (out.buf.size() > 0) {
            emit(out);
        }
        if (err.buf.size() > 0) {
            emit(err);
        }
    }

    /** Forgets unfinished lines (a re-read from an earlier point will deliver them whole). */
    void discardPending() {
        out.buf.reset();
        err.buf.reset();
    }

    private void emit(StreamState s) {
        String text = s.buf.toString(StandardCharsets.UTF_8);
        s.buf.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        int space = text.indexOf(' ');
        Optional<Instant> ts = space > 0 ? DockerTimestamps.parse(text.substring(0, space)) : Optional.empty();
        if (ts.isEmpty()) {
            Optional<Instant> whole = DockerTimestamps.parse(text);
            if (whole.isPresent()) {
                ts = whole;
                text = "";
                space = -1;
            }
        }
        Instant timestamp = ts.orElse(s.last);
        String message = ts.isPresent() && space > 0 ? text.substring(space + 1) : text;
        s.last = timestamp;
        if (ts.isPresent() && since.isPresent() && !timestamp.isAfter(since.get())) {
            return;
        }
        sink.accept(new LogLine(timestamp, s.stderr, message));
    }

    /** Index just past {@code <timestamp> } at the start of a continuation frame, 0 if there is none. */
    static int timestampPrefixEnd(byte[] payload) {
        int limit = Math.min(payload.length, 64);
        for (int i = 0; i < limit; i++) {
            if (payload[i] == ' ') {
                String head = new String(payload, 0, i, StandardCharsets.US_ASCII);
                return DockerTimestamps.parse(head).isPresent() ? i + 1 : 0;
            }
        }
        return 0;
    }

    private static final class StreamState {
        final boolean stderr;
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Instant last = Instant.EPOCH;

        StreamState(boolean stderr) {
            this.stderr = stderr;
        }
    }
}
