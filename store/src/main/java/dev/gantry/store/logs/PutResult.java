package dev.gantry.store.logs;

import java.util.Optional;

/** The outcome of PutLogEvents: the next sequence token and, when any event was not stored, which ones. */
public record PutResult(String nextSequenceToken, int storedCount, Optional<RejectedEvents> rejected) {}
