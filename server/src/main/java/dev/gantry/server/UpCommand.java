package dev.gantry.server;

import dev.gantry.cli.CliCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gantry up}: the newcomer's first command. Starts Gantry on its embedded defaults, builds the sample image
 * locally (no registry), registers and runs the sample task through the public API like any user, prints how to
 * reach it with the AWS CLI, and streams the task's logs until interrupted.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Start Gantry and run a sample task, streaming its logs (Ctrl-C to quit).")
final class UpCommand implements Callable<Integer> {
    static final String SAMPLE_IMAGE = "gantry/sample:1";

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() throws Exception {
        GantryConfig config = options.config();
        GantryServer server = GantryServer.start(config, System.getenv());
        String startedBy = SampleCleanup.startedByToken();
        AtomicBoolean quitting = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            quitting.set(
                                    true); // the log follower then meets a closing API: expected, not worth a message
                            SampleCleanup.stopTasksStartedBy(server, startedBy); // only what this run started
                            server.close();
                        },
                        "gantry-shutdown"));
        server.awaitReady(); // the engine is prepared behind the listening API; a failure ends the command (exit 2)
        server.driver()
                .buildBusyboxImage(
                        SAMPLE_IMAGE,
                        config.busybox(),
                        Map.of("/www/index.html", resource("index.html")),
                        List.of(),
                        false);
        Path taskDefinition = config.dataDir().resolve("sample-task-definition.json");
        Files.write(taskDefinition, resource("task-definition.json"));
        Banner.print(System.out, server, true);
        System.out.println("Running the sample task (" + taskDefinition + "):");
        AdminCredentials c = server.credentials();
        int exit = CliCommands.runAndFollow(
                server.endpoint(),
                config.region(),
                c.accessKeyId(),
                c.secretAccessKey(),
                startedBy,
                taskDefinition,
                UntilQuit.writer(System.out, quitting),
                UntilQuit.writer(System.err, quitting));
        if (exit != 0) {
            return exit;
        }
        Thread.currentThread().join(); // the task stopped on its own; keep serving until Ctrl-C
        return 0;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UpCommand.class.getResourceAsStream("/sample/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /sample/" + name);
            }
            return in.readAllBytes();
        }
    }
}
