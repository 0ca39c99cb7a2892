package dev.gantry.server;

import dev.gantry.cli.CliCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gantry} command: the server, the newcomer's {@code up}, and the CLI for people. */
@Command(name = "gantry", mixinStandardHelpOptions = true, version = "gantry 0.1.0",
        description = "Fargate-style serverless containers on your own machine, speaking the AWS ECS API.",
        subcommands = {ServerCommand.class, UpCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "The ./gantry launcher also runs:",
            "  test      the whole test suite (unit + integration against real containers)",
            "  bench     the RunTask -> RUNNING latency benchmark; bench startup: start-up time and memory"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line for {@code args}. {@code server} and {@code up} skip registering the CLI's commands: picocli
     * builds every registered command's model by reflection, and the CLI's drag in the AWS SDK's model classes, a
     * few hundred milliseconds of CPU on the path to a listening API.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        boolean serving = args.length > 0 && (args[0].equals("server") || args[0].equals("up"));
        if (!serving) {
            CliCommands.all().forEach(cl::addSubcommand);
        }
        cl.setExecutionExceptionHandler(Main::report);
        return cl;
    }

    /**
     * Start-up failures a user can fix (a bad setting, no engine, an unreadable data dir) are printed as one plain
     * message; anything else is a bug and keeps its stack trace for the report.
     */
    private static int report(Exception e, CommandLine cl, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof dev.gantry.runtime.spi.RuntimeError
                || e instanceof dev.gantry.store.StoreException || e instanceof IllegalStateException) {
            cl.getErr().println("gantry: " + e.getMessage());
            return 2;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
