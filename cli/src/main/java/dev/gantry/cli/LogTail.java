package dev.gantry.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a task's log streams from the head, remembering where each stopped, so repeated {@link #drain()} calls
 * return only new events. A stream that does not exist yet reads as empty.
 */
final class LogTail {
    /** One log event of one container. */
    record Line(String container, long timestamp, String message) {}

    private final CloudWatchLogsClient logs;
    private final List<LogSources.Source> sources;
    private final Map<LogSources.Source, String> tokens = new HashMap<>();

    LogTail(CloudWatchLogsClient logs, List<LogSources.Source> sources) {
        this.logs = logs;
        this.sources = List.copyOf(sources);
    }

    /** Every event written since the last call, across all streams, in time order. */
    List<Line> drain() {
        List<Line> lines = new ArrayList<>();
        for (LogSources.Source s : sources) {
            readAll(s, lines);
        }
        lines.sort(Comparator.comparingLong(Line::timestamp)); // stable: one stream's order is kept on ties
        return lines;
    }

    private void readAll(LogSources.Source s, List<Line> into) {
        String token = tokens.get(s);
        while (true) {
            String from = token;
            GetLogEventsResponse r;
            try {
                r = logs.getLogEvents(b -> b.logGroupName(s.group())
                        .logStreamName(s.stream())
                        .startFromHead(true)
                        .nextToken(from));
            } catch (ResourceNotFoundException notYet) {
                return;
            }
            for (OutputLogEvent e : r.events()) {
                into.add(new Line(s.container(), e.timestamp() == null ? 0 : e.timestamp(), chomp(e.message())));
            }
            String next = r.nextForwardToken();
            if (next != null) {
                tokens.put(s, next);
            }
            if (next == null || next.equals(from) || r.events().isEmpty()) {
                return;
            }
            token = next;
        }
    }

    private static String chomp(String message) {
        if (message == null) {
            return "";
        }
        return message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
    }
}
