package dev.gantry.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** {@code gantry describe TASK}: one task, readable, with a plain-English "Why it stopped". */
@Command(name = "describe", description = "Show one task: status, times, why it stopped, and its containers.")
final class DescribeCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, ARN, or a unique prefix of the id.")
    String task;

    @Override
    int run(GantryClients c) {
        TaskLookup lookup = lookup(c);
        Task t = lookup.describe(lookup.resolve(task));
        TaskDefinition def = lookup.definition(t.taskDefinitionArn());
        out().print(render(
                t, TaskFacts.ports(def), TaskFacts.essentialContainers(def), Instant.now(), ZoneId.systemDefault()));
        out().flush();
        return 0;
    }

    /** The whole block. Pure. */
    static String render(Task t, List<String> ports, Set<String> essential, Instant now, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        field(sb, "Task", TaskIds.id(t.taskArn()));
        field(sb, "ARN", t.taskArn());
        field(sb, "Definition", TaskFacts.definition(t.taskDefinitionArn()));
        field(
                sb,
                "Status",
                TaskFacts.orNone(t.lastStatus()) + " (desired " + TaskFacts.orNone(t.desiredStatus()) + ")");
        field(sb, "Health", TaskFacts.orNone(t.healthStatusAsString()));
        field(sb, "IP", TaskFacts.ip(t).orElse(TaskFacts.NONE));
        field(sb, "Ports", ports.isEmpty() ? TaskFacts.NONE : String.join(", ", ports));
        field(sb, "Started by", TaskFacts.orNone(t.startedBy()));
        time(sb, "Created", t.createdAt(), now, zone);
        time(sb, "Started", t.startedAt(), now, zone);
        time(sb, "Stopped", t.stoppedAt(), now, zone);
        if (t.stopCode() != null || t.stoppedReason() != null) {
            field(sb, "Stop code", TaskFacts.orNone(t.stopCodeAsString()));
            field(sb, "Reason", TaskFacts.orNone(t.stoppedReason()));
        }
        StopExplainer.explain(t, essential)
                .ifPresent(why -> sb.append("\nWhy it stopped:\n  ").append(why).append('\n'));
        Table containers = Table.of("NAME", "STATUS", "EXIT", "HEALTH", "REASON");
        for (Container k : t.containers()) {
            containers = containers.row(
                    k.name() + (essential.contains(k.name()) ? "" : " (non-essential)"),
                    TaskFacts.orNone(k.lastStatus()),
                    TaskFacts.orNone(k.exitCode()),
                    TaskFacts.orNone(k.healthStatusAsString()),
                    TaskFacts.orNone(k.reason()));
        }
        sb.append('\n').append(containers.render());
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        String label = name + ":";
        sb.append(label)
                .append(" ".repeat(Math.max(1, 12 - label.length())))
                .append(value)
                .append('\n');
    }

    private static void time(StringBuilder sb, String name, Instant at, Instant now, ZoneId zone) {
        if (at != null) {
            field(sb, name, Durations.local(at, zone) + " (" + Durations.age(at, now) + " ago)");
        }
    }
}
