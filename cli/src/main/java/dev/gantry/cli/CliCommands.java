package dev.gantry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The CLI's subcommands, for the top-level {@code gantry} command to register:
 * {@code CliCommands.all().forEach(commandLine::addSubcommand)}. Each call returns fresh instances; each is a
 * picocli {@code @Command} whose {@code call()} returns the exit code (it prints its own errors, never a stack
 * trace).
 */
public final class CliCommands {
    private CliCommands() {}

    public static List<Object> all() {
        return List.of(
                new RunCommand(),
                new PsCommand(),
                new LogsCommand(),
                new StopCommand(),
                new DescribeCommand(),
                new ServicesCommand(),
                new DeployCommand(),
                new LbCommand(),
                new NetCommand());
    }

    /**
     * {@code run --follow --started-by STARTED_BY FILE} against a given endpoint with given credentials, for a
     * process that embeds the CLI (such as {@code gantry up}, which later stops exactly the tasks it started by
     * listing {@code startedBy}); the environment's AWS keys are not consulted. Output goes to {@code out} and
     * {@code err}. Returns the exit code.
     */
    public static int runAndFollow(
            String endpoint,
            String region,
            String accessKeyId,
            String secretAccessKey,
            String startedBy,
            Path taskDefinitionFile,
            PrintWriter out,
            PrintWriter err) {
        RunCommand run = new RunCommand();
        run.environment = Map.of("GANTRY_ACCESS_KEY_ID", accessKeyId, "GANTRY_SECRET_ACCESS_KEY", secretAccessKey);
        return new CommandLine(run)
                .setOut(out)
                .setErr(err)
                .execute(
                        "--follow",
                        "--endpoint",
                        endpoint,
                        "--region",
                        region,
                        "--started-by",
                        startedBy,
                        taskDefinitionFile.toString());
    }
}
