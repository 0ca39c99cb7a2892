package dev.gantry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.ecs.model.Task;

/** {@code gantry logs [-f] TASK}: a task's captured output (awslogs), oldest first. */
@Command(
        name = "logs",
        description = {
            "Print a task's output, captured by the awslogs log driver, oldest first.",
            "With several containers each line starts with '<container> | '."
        })
final class LogsCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, ARN, or a unique prefix of the id.")
    String task;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new output until the task stops (or Ctrl-C).")
    boolean follow;

    @Override
    int run(GantryClients c) throws InterruptedException {
        TaskLookup lookup = lookup(c);
        Task t = lookup.describe(lookup.resolve(task));
        TaskLogs logs = new TaskLogs(c, lookup, out(), err());
        return logs.show(t, lookup.definition(t.taskDefinitionArn()), follow) ? 0 : 1;
    }
}
