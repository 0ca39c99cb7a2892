package dev.gantry.cli;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/** {@code gantry ps}: the cluster's tasks as a table, newest first. */
@Command(name = "ps", description = "List the cluster's tasks (those meant to run; with --all also stopped ones).")
final class PsCommand extends ApiCommand {

    @Option(
            names = {"-a", "--all"},
            description = "Include stopped tasks.")
    boolean all;

    @Override
    int run(GantryClients c) {
        TaskLookup lookup = lookup(c);
        Set<String> arns = new LinkedHashSet<>(lookup.list(DesiredStatus.RUNNING));
        if (all) {
            arns.addAll(lookup.list(DesiredStatus.STOPPED));
        }
        List<Task> tasks = lookup.describeAll(List.copyOf(arns)).stream()
                .sorted(Comparator.comparing(Task::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        if (tasks.isEmpty()) {
            out().println("no tasks");
            return 0;
        }
        out().print(table(tasks, Instant.now()).render());
        out().flush();
        return 0;
    }

    /** The {@code ps} table. Pure. */
    static Table table(List<Task> tasks, Instant now) {
        Table t = Table.of("TASK", "DEFINITION", "STATUS", "HEALTH", "IP", "AGE", "STOP CODE");
        for (Task task : tasks) {
            t = t.row(
                    TaskIds.id(task.taskArn()),
                    TaskFacts.definition(task.taskDefinitionArn()),
                    TaskFacts.orNone(task.lastStatus()),
                    TaskFacts.orNone(task.healthStatusAsString()),
                    TaskFacts.ip(task).orElse(TaskFacts.NONE),
                    task.createdAt() == null ? TaskFacts.NONE : Durations.age(task.createdAt(), now),
                    TaskFacts.orNone(task.stopCodeAsString()));
        }
        return t;
    }
}
