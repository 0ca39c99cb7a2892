package dev.gantry.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.Task;

/** Polls DescribeTasks until every task is where the caller wants it, printing a line each time one changes. */
final class TaskWatcher {
    static final Duration POLL = Duration.ofMillis(250);

    private TaskWatcher() {}

    /**
     * @param ports shown on the RUNNING line (see {@link ProgressLine})
     * @return the tasks as last described, in the order the server returned them
     */
    static List<Task> watch(
            TaskLookup lookup, List<String> arns, Predicate<Task> done, List<String> ports, PrintWriter out)
            throws InterruptedException {
        Map<String, String> shown = new HashMap<>();
        boolean several = arns.size() > 1;
        while (true) {
            List<Task> tasks = lookup.describeAll(arns);
            for (Task t : tasks) {
                String line = ProgressLine.of(t, ports);
                if (!line.equals(shown.put(t.taskArn(), line))) {
                    out.println(several ? TaskIds.id(t.taskArn()) + "  " + line : line);
                }
            }
            out.flush();
            if (tasks.size() < arns.size()) {
                throw CliException.failed("the server no longer knows " + (arns.size() - tasks.size())
                        + " of the tasks (they may have expired); gantry ps -a lists what remains");
            }
            if (tasks.stream().allMatch(done)) {
                return tasks;
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
