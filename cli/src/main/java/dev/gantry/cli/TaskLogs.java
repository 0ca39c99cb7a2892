package dev.gantry.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Prints a task's captured output, oldest first; with {@code follow}, keeps polling until the task is STOPPED and
 * its streams are drained (or the user presses Ctrl-C). Used by {@code logs} and {@code run --follow}.
 */
final class TaskLogs {
    static final Duration POLL = Duration.ofSeconds(1);

    private final GantryClients clients;
    private final TaskLookup lookup;
    private final PrintWriter out;
    private final PrintWriter err;

    TaskLogs(GantryClients clients, TaskLookup lookup, PrintWriter out, PrintWriter err) {
        this.clients = clients;
        this.lookup = lookup;
        this.out = out;
        this.err = err;
    }

    /** @return false when no container of the task has its output captured */
    boolean show(Task task, TaskDefinition def, boolean follow) throws InterruptedException {
        LogSources.Plan plan = LogSources.plan(def, TaskIds.id(task.taskArn()));
        plan.notes().forEach(n -> err.println("note: " + n));
        err.flush();
        if (plan.sources().isEmpty()) {
            return false;
        }
        LogTail tail = new LogTail(clients.logs(), plan.sources());
        int width = plan.sources().size() == 1
                ? 0
                : plan.sources().stream()
                        .mapToInt(s -> s.container().length())
                        .max()
                        .orElse(0);
        print(tail.drain(), width);
        if (!follow) {
            return true;
        }
        boolean stopped = TaskFacts.isStopped(task);
        while (true) {
            List<LogTail.Line> lines = tail.drain();
            print(lines, width);
            if (stopped && lines.isEmpty()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
            stopped = stopped || TaskFacts.isStopped(lookup.describe(task.taskArn()));
        }
    }

    private void print(List<LogTail.Line> lines, int width) {
        for (LogTail.Line l : lines) {
            out.println(format(l, width));
        }
        out.flush();
    }

    /** {@code message}, or {@code container | message} with the name padded to {@code width} when width > 0. */
    static String format(LogTail.Line line, int width) {
        if (width == 0) {
            return line.message();
        }
        return line.container()
                + " ".repeat(Math.max(0, width - line.container().length())) + " | " + line.message();
    }
}
