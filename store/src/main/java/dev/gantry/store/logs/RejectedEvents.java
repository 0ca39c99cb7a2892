package dev.gantry.store.logs;

import java.util.Optional;

/**
 * Which events of a PutLogEvents batch were not stored (AWS's rejectedLogEventsInfo). Too-old and expired events are
 * a prefix of the batch (the index is the last such event); too-new events are a suffix (the index is the first).
 */
public record RejectedEvents(
        Optional<Integer> tooNewLogEventStartIndex,
        Optional<Integer> tooOldLogEventEndIndex,
        Optional<Integer> expiredLogEventEndIndex) {

    public boolean any() {
        return tooNewLogEventStartIndex.isPresent()
                || tooOldLogEventEndIndex.isPresent()
                || expiredLogEventEndIndex.isPresent();
    }
}
