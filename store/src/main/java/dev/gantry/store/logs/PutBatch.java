package dev.gantry.store.logs;

import dev.gantry.core.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PutLogEvents' rules, as a pure function of the batch, the group's retention and now: whole-batch errors are thrown
 * (too many events or bytes, not in time order, spanning over 24 hours); events too old, too new or past retention
 * are left out and reported. Because the batch is in time order, the stored events are one contiguous range.
 */
record PutBatch(List<InputEvent> accepted, Optional<RejectedEvents> rejected, long acceptedBytes) {
    static final int MAX_BATCH_EVENTS = 10_000;
    static final long MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD_BYTES = 26;
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final Duration MAX_AHEAD = Duration.ofHours(2);
    static final Duration MAX_SPAN = Duration.ofHours(24);

    static PutBatch check(List<InputEvent> events, Optional<Integer> retentionDays, Instant now) {
        if (events.size() > MAX_BATCH_EVENTS) {
            throw ApiException.invalidParameter(LogMessages.tooManyEvents(events.size()));
        }
        long bytes = 0;
        for (InputEvent e : events) {
            bytes += utf8Length(e.message()) + EVENT_OVERHEAD_BYTES;
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw ApiException.invalidParameter(LogMessages.tooManyBytes(bytes));
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).timestamp().isBefore(events.get(i - 1).timestamp())) {
                throw ApiException.invalidParameter(LogMessages.NOT_CHRONOLOGICAL);
            }
        }
        if (!events.isEmpty()
                && Duration.between(
                                        events.getFirst().timestamp(),
                                        events.getLast().timestamp())
                                .compareTo(MAX_SPAN)
                        > 0) {
            throw ApiException.invalidParameter(LogMessages.SPANS_OVER_24_HOURS);
        }
        Instant oldest = now.minus(MAX_AGE);
        Instant newest = now.plus(MAX_AHEAD);
        Optional<Instant> retained = retentionDays.map(d -> now.minus(Duration.ofDays(d)));
        int tooOldEnd = -1;
        int expiredEnd = -1;
        int tooNewStart = events.size();
        for (int i = 0; i < events.size(); i++) {
            Instant t = events.get(i).timestamp();
            if (t.isBefore(oldest)) {
                tooOldEnd = i;
            }
            if (retained.isPresent() && t.isBefore(retained.get())) {
                expiredEnd = i;
            }
            if (t.isAfter(newest) && tooNewStart == events.size()) {
                tooNewStart = i;
            }
        }
        int from = Math.max(tooOldEnd, expiredEnd) + 1;
        List<InputEvent> accepted = from >= tooNewStart ? List.of() : events.subList(from, tooNewStart);
        RejectedEvents rejected = new RejectedEvents(
                tooNewStart < events.size() ? Optional.of(tooNewStart) : Optional.empty(),
                tooOldEnd >= 0 ? Optional.of(tooOldEnd) : Optional.empty(),
                expiredEnd >= 0 ? Optional.of(expiredEnd) : Optional.empty());
        long acceptedBytes = 0;
        for (InputEvent e : accepted) {
            acceptedBytes += utf8Length(e.message());
        }
        return new PutBatch(
                List.copyOf(accepted), rejected.any() ? Optional.of(rejected) : Optional.empty(), acceptedBytes);
    }

    /** UTF-8 length without encoding the string (a lone surrogate counts as 3 bytes). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
