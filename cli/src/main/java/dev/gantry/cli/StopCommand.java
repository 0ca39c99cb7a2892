package dev.gantry.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/** {@code gantry stop TASK}: StopTask, then wait for STOPPED and show how each container exited. */
@Command(
        name = "stop",
        description = "Stop a task (SIGTERM, then SIGKILL after each container's stopTimeout) and wait until it is"
                + " STOPPED.")
final class StopCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id, ARN, or a unique prefix of the id.")
    String task;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; shown as the task's stoppedReason.")
    String reason;

    @Option(
            names = {"-d", "--detach"},
            description = "Return once the stop is requested, without waiting.")
    boolean detach;

    @Override
    int run(GantryClients c) throws InterruptedException {
        TaskLookup lookup = lookup(c);
        String target = lookup.resolve(task);
        Task stopping = c.ecs()
                .stopTask(b -> b.cluster(connection.cluster()).task(target).reason(reason))
                .task();
        out().println("stopping " + TaskIds.id(stopping.taskArn()));
        if (detach) {
            return 0;
        }
        Task stopped = TaskWatcher.watch(lookup, List.of(stopping.taskArn()), TaskFacts::isStopped, List.of(), out())
                .get(0);
        out().print(exits(stopped).render());
        out().flush();
        return 0;
    }

    /** CONTAINER / EXIT / REASON for a stopped task. Pure. */
    static Table exits(Task task) {
        Table t = Table.of("CONTAINER", "EXIT", "REASON");
        for (Container k : task.containers()) {
            t = t.row(k.name(), TaskFacts.orNone(k.exitCode()), TaskFacts.orNone(k.reason()));
        }
        return t;
    }
}
