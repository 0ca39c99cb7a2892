package dev.gantry.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** {@code gantry run FILE|FAMILY[:REV]}: register (from a file) or pick a task definition, RunTask, and watch. */
@Command(
        name = "run",
        description = {
            "Run a task. FILE is a task definition in the RegisterTaskDefinition JSON shape (it is"
                    + " registered first); otherwise the argument names a registered family or family:revision.",
            "Shows progress until the task is RUNNING (or explains why it stopped); prints the task id."
        })
final class RunCommand extends ApiCommand {
    static final String SUBNET = "subnet-gantry";
    static final String STARTED_BY = "gantry-cli";

    @Parameters(
            index = "0",
            paramLabel = "FILE|FAMILY[:REV]",
            description = "Task definition file, family, or family:revision.")
    String target;

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "1",
            description = "Number of tasks (1-10; default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = {"-d", "--detach"},
            description = "Print the task id(s) and return without waiting.")
    boolean detach;

    @Option(
            names = "--started-by",
            paramLabel = "TAG",
            defaultValue = STARTED_BY,
            description = "RunTask's startedBy (default: ${DEFAULT-VALUE}); ListTasks --started-by finds the tasks.")
    String startedBy;

    @Option(
            names = {"-f", "--follow"},
            description = "Once RUNNING, stream the task's logs and stay attached until"
                    + " it stops; exit 0 only if its essential containers exited 0.")
    boolean follow;

    @Override
    int run(GantryClients c) throws InterruptedException {
        if (follow && (detach || count != 1)) {
            throw CliException.failed("--follow works with a single task (--count 1) and without --detach");
        }
        TaskLookup lookup = lookup(c);
        TaskDefinition def = definition(c, lookup, detach ? err() : out());
        RunTaskResponse r = c.ecs()
                .runTask(b -> b.cluster(connection.cluster())
                        .taskDefinition(def.taskDefinitionArn())
                        .count(count)
                        .launchType(LaunchType.FARGATE)
                        .startedBy(startedBy)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(SUBNET))));
        r.failures().forEach(f -> err().println("error: " + failure(f)));
        err().flush();
        List<String> arns = r.tasks().stream().map(Task::taskArn).toList();
        int status = r.failures().isEmpty() ? 0 : 1;
        if (arns.isEmpty()) {
            return 1;
        }
        if (detach) {
            arns.forEach(a -> out().println(TaskIds.id(a)));
            return status;
        }
        String family = TaskFacts.definition(def.taskDefinitionArn());
        arns.forEach(a -> out().println("task " + TaskIds.id(a) + " (" + family + ")"));
        List<String> ports = TaskFacts.ports(def);
        Set<String> essential = TaskFacts.essentialContainers(def);
        List<Task> settled = TaskWatcher.watch(lookup, arns, TaskFacts::isRunningOrStopped, ports, out());
        if (follow) {
            return followLogs(c, lookup, settled.get(0), def, essential);
        }
        for (Task t : settled) {
            if (TaskFacts.isStopped(t)) {
                status = 1;
                explainStop(t, essential, out());
                if (!LogSources.plan(def, "").sources().isEmpty()) {
                    out().println("its output: gantry logs " + TaskIds.id(t.taskArn()));
                }
            }
        }
        if (status == 0 && !LogSources.plan(def, "").sources().isEmpty()) {
            out().println("follow its output: gantry logs -f " + (arns.size() == 1 ? TaskIds.id(arns.get(0)) : "TASK"));
        }
        return status;
    }

    private int followLogs(GantryClients c, TaskLookup lookup, Task task, TaskDefinition def, Set<String> essential)
            throws InterruptedException {
        boolean wasStopped = TaskFacts.isStopped(task);
        new TaskLogs(c, lookup, out(), err()).show(task, def, true); // returns at once when nothing is captured
        Task end = lookup.describe(task.taskArn());
        while (!TaskFacts.isStopped(end)) { // stay attached until it stops, output or not
            Thread.sleep(TaskLogs.POLL.toMillis());
            end = lookup.describe(task.taskArn());
        }
        if (!wasStopped) {
            out().println(ProgressLine.of(end, List.of()));
        }
        explainStop(end, essential, out());
        boolean clean = "EssentialContainerExited".equals(end.stopCodeAsString())
                && end.containers().stream()
                        .filter(k -> essential.contains(k.name()))
                        .allMatch(k -> Integer.valueOf(0).equals(k.exitCode()));
        return clean ? 0 : 1;
    }

    /** Registers the file's task definition, or describes the named one. */
    private TaskDefinition definition(GantryClients c, TaskLookup lookup, PrintWriter info) {
        Path file = Path.of(target);
        if (Files.isRegularFile(file)) {
            TaskDefinitionFile.Parsed parsed = TaskDefinitionFile.read(file);
            if (!parsed.ignored().isEmpty()) {
                err().println("note: ignored fields RegisterTaskDefinition does not take: "
                        + String.join(", ", parsed.ignored()));
            }
            TaskDefinition def =
                    c.ecs().registerTaskDefinition(parsed.request()).taskDefinition();
            info.println("registered " + TaskFacts.definition(def.taskDefinitionArn()));
            return def;
        }
        if (!target.startsWith("arn:") && (target.contains("/") || target.contains("."))) {
            throw CliException.failed("no such file: " + target + " (a family name has only letters, digits, - and _)");
        }
        return lookup.definition(target);
    }

    private static String failure(Failure f) {
        return f.reason()
                + (f.detail() == null ? "" : ": " + f.detail())
                + (f.arn() == null ? "" : " (" + f.arn() + ")");
    }
}
