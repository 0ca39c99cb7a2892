package dev.gantry.server;

import dev.gantry.cli.CliCommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gantry} command: the server, the newcomer's {@code up}, and the CLI for people. */
@Command(name = "gantry", mixinStandardHelpOptions = true, version = "gantry 0.1.0",
        description = "Fargate-style serverless containers on your own machine, speaking the AWS ECS API.",
        subcommands = {ServerCommand.class, UpCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        CliCommands.all().forEach(cl::addSubcommand);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
