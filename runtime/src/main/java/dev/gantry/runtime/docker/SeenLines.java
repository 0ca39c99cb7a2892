package dev.gantry.runtime.docker;

import dev.gantry.runtime.spi.LogLine;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Forwards each log line once when the same stretch of log is read twice. Docker can only re-read from a whole
 * second, so this remembers the lines of the latest two seconds seen (a line is its stream plus its nanosecond
 * timestamp) and drops repeats; memory stays bounded by two seconds of output. Pure: no engine access.
 */
final class SeenLines implements Consumer<LogLine> {

    private record Key(Instant timestamp, boolean stderr) {}

    private final Consumer<LogLine> sink;
    private final Set<Key> recent = new HashSet<>();
    private Instant latest = Instant.EPOCH;

    SeenLines(Consumer<LogLine> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(LogLine line) {
        Key key = new Key(line.timestamp(), line.stderr());
        if (!recent.add(key)) {
            return;
        }
        if (line.timestamp().isAfter(latest)) {
            long previousSecond = latest.getEpochSecond();
            latest = line.timestamp();
            if (latest.getEpochSecond() != previousSecond) {
                recent.removeIf(k -> k.timestamp().getEpochSecond() < latest.getEpochSecond() - 1);
            }
        }
        sink.accept(line);
    }

    /** Where a re-read must start so that nothing after the latest line seen is missed; empty if none seen. */
    Optional<Instant> resumePoint() {
        return latest.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(latest.minusSeconds(1));
    }
}
