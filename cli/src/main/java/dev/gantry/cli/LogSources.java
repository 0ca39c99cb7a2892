package dev.gantry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Where each container of a task sends its output: the awslogs group and the stream
 * {@code <awslogs-stream-prefix>/<container>/<taskId>}, plus a note for every container whose output is not
 * captured. Pure.
 */
final class LogSources {
    private LogSources() {}

    /** One container's CloudWatch Logs stream. */
    record Source(String container, String group, String stream) {}

    /** The streams to read, and notes about containers that have none. */
    record Plan(List<Source> sources, List<String> notes) {
        Plan {
            sources = List.copyOf(sources);
            notes = List.copyOf(notes);
        }
    }

    static Plan plan(TaskDefinition def, String taskId) {
        List<Source> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ContainerDefinition c : def.containerDefinitions()) {
            LogConfiguration lc = c.logConfiguration();
            if (lc == null || !"awslogs".equals(lc.logDriverAsString())) {
                notes.add("the output of container " + c.name() + " is not captured: add a logConfiguration with"
                        + " logDriver awslogs (options awslogs-group, awslogs-region, awslogs-stream-prefix)"
                        + " to its container definition");
                continue;
            }
            Map<String, String> o = lc.options();
            String group = o.getOrDefault("awslogs-group", "");
            String prefix = o.getOrDefault("awslogs-stream-prefix", "");
            if (group.isBlank() || prefix.isBlank()) {
                notes.add("container " + c.name() + " uses awslogs without "
                        + (group.isBlank() ? "awslogs-group" : "awslogs-stream-prefix")
                        + ", so its log stream cannot be found");
                continue;
            }
            sources.add(new Source(c.name(), group, prefix + "/" + c.name() + "/" + taskId));
        }
        return new Plan(sources, notes);
    }
}
