package dev.gantry.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Base of every command: shared options, the clients, and the one place that turns failures into a message and an
 * exit code (server errors as {@code error: <Code>: <message>}, exit 1; an unreachable server, exit 2).
 */
abstract class ApiCommand implements Callable<Integer> {
    static final int INTERRUPTED = 130;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    /** Where credentials and defaults are read from; the process environment unless a caller embeds the CLI. */
    Map<String, String> environment = System.getenv();

    /** Does the command's work; returns the exit code. */
    abstract int run(GantryClients clients) throws InterruptedException;

    @Override
    public final Integer call() {
        GantryClients clients = null;
        try {
            clients = GantryClients.connect(connection, environment);
            return run(clients);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        } catch (RuntimeException e) {
            ErrorReport report = ErrorReport.of(
                    e,
                    connection.endpoint(),
                    Optional.ofNullable(clients).map(c -> c.credentials().source()));
            err().println(report.message());
            err().flush();
            return report.exitCode();
        } finally {
            if (clients != null) {
                clients.close();
            }
        }
    }

    TaskLookup lookup(GantryClients clients) {
        return new TaskLookup(clients.ecs(), connection.cluster());
    }

    /** Prints {@code Why it stopped: ...} when the task has a stop code or reason. */
    void explainStop(Task task, Set<String> essential, PrintWriter to) {
        StopExplainer.explain(task, essential).ifPresent(why -> to.println("Why it stopped: " + why));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
