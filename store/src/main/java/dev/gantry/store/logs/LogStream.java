package dev.gantry.store.logs;

import java.time.Instant;
import java.util.Optional;

/**
 * A log stream. Event times are empty until the stream has events; {@code uploadSequence} counts accepted uploads
 * and is what the (deprecated, ignored) sequence token is made of.
 */
public record LogStream(
        String groupName,
        String name,
        Instant createdAt,
        Optional<Instant> firstEventTimestamp,
        Optional<Instant> lastEventTimestamp,
        Optional<Instant> lastIngestionTime,
        long uploadSequence) {

    /** The upload sequence token, once anything was uploaded. */
    public Optional<String> uploadSequenceToken() {
        return uploadSequence == 0 ? Optional.empty() : Optional.of(sequenceToken(uploadSequence));
    }

    /** AWS's tokens are long decimal strings; ours are the sequence number padded the same way. */
    public static String sequenceToken(long sequence) {
        return String.format("%056d", sequence);
    }
}
