package dev.gantry.control.logs;

import dev.gantry.runtime.spi.LogLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the awslogs driver delivers container output: Gantry's CloudWatch Logs store. */
public interface CapturedLogs {

    /**
     * Accepts every group and stream and keeps nothing: for a control plane on the fake driver (benchmarks, tests
     * where output does not matter).
     */
    CapturedLogs DISCARD = new CapturedLogs() {
        @Override
        public boolean groupExists(String group) {
            return true;
        }

        @Override
        public boolean openStream(AwsLogsTarget target) {
            return true;
        }

        @Override
        public Optional<Instant> lastCaptured(String group, String stream) {
            return Optional.empty();
        }

        @Override
        public void append(String group, String stream, List<LogLine> lines, boolean createGroup) {}
    };

    boolean groupExists(String group);

    /**
     * Creates the target's stream (and its group when {@code createGroup}) if missing, as Docker's awslogs driver
     * does when the container starts, so the stream is there before the first line is. False when the group does
     * not exist and may not be created.
     */
    boolean openStream(AwsLogsTarget target);

    /** The timestamp of the last line captured into this stream, to resume after a restart without duplicates. */
    Optional<Instant> lastCaptured(String group, String stream);

    /** Appends lines to the stream (created if missing; the group too when {@code createGroup}). */
    void append(String group, String stream, List<LogLine> lines, boolean createGroup);
}
