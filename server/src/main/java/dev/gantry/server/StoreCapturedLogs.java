package dev.gantry.server;

import dev.gantry.control.logs.AwsLogsTarget;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.store.logs.CapturedLine;
import dev.gantry.store.logs.LogGroupMissingException;
import dev.gantry.store.logs.LogStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Delivers the awslogs capture into Gantry's CloudWatch Logs store. */
final class StoreCapturedLogs implements CapturedLogs {
    private final LogStore store;

    StoreCapturedLogs(LogStore store) {
        this.store = store;
    }

    @Override
    public boolean groupExists(String group) {
        return store.findGroup(group).isPresent();
    }

    @Override
    public boolean openStream(AwsLogsTarget target) {
        try {
            store.appendCaptured(target.group(), target.stream(), List.of(), target.createGroup());
            return true;
        } catch (LogGroupMissingException e) {
            return false;
        }
    }

    @Override
    public Optional<Instant> lastCaptured(String group, String stream) {
        return store.lastCapturedTimestamp(group, stream);
    }

    @Override
    public void append(String group, String stream, List<LogLine> lines, boolean createGroup) {
        store.appendCaptured(
                group,
                stream,
                lines.stream()
                        .map(l -> new CapturedLine(l.timestamp(), l.message()))
                        .toList(),
                createGroup);
    }
}
