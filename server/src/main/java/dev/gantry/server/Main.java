package dev.gantry.server;

import dev.gantry.cli.CliCommands;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gantry} command: the server, the newcomer's {@code up}, and the CLI for people. */
@Command(
        name = "gantry",
        mixinStandardHelpOptions = true,
        version = "gantry 0.1.0",
        description = "Fargate-style serverless containers on your own machine, speaking the AWS ECS API.",
        subcommands = {
            ServerCommand.class,
            UpCommand.class,
            dev.gantry.server.doctor.DoctorCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "The ./gantry launcher also runs:",
            "  test      the whole test suite (unit + integration against real containers)",
            "  bench     the RunTask -> RUNNING latency benchmark; bench startup: start-up time and memory"
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Optional<Callable<Integer>> quick = ServerArgs.parse(args); // server/up start without picocli
        System.exit(quick.isPresent() ? runQuick(quick.get()) : commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        CliCommands.all().forEach(cl::addSubcommand);
        cl.setExecutionExceptionHandler(Main::report);
        return cl;
    }

    /** Runs a command {@link ServerArgs} parsed, reporting failures as picocli's handler below does. */
    private static int runQuick(Callable<Integer> command) {
        try {
            return command.call();
        } catch (Exception e) {
            if (userFixable(e)) {
                System.err.println("gantry: " + e.getMessage());
                return 2;
            }
            LoggerFactory.getLogger(Main.class).atError().setCause(e).log("gantry failed: a bug, please report it");
            return 1;
        }
    }

    /**
     * Start-up failures a user can fix (a bad setting, no engine, an unreadable data dir) are printed as one plain
     * message; anything else is a bug and keeps its stack trace for the report.
     */
    private static int report(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (userFixable(e)) {
            cl.getErr().println("gantry: " + e.getMessage());
            return 2;
        }
        throw e;
    }

    private static boolean userFixable(Exception e) {
        return e instanceof IllegalArgumentException
                || e instanceof dev.gantry.runtime.spi.RuntimeError
                || e instanceof dev.gantry.store.StoreException
                || e instanceof IllegalStateException;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
