package dev.gantry.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gantry server}: the control plane in the foreground until interrupted. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the Gantry control plane in the foreground.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--port", description = "API port (default ${DEFAULT-VALUE} or GANTRY_PORT).")
    Integer port;

    @Option(names = "--data-dir", description = "Where state lives (default ~/.gantry or GANTRY_DATA_DIR).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        GantryConfig config = GantryConfig.resolve(Optional.ofNullable(port), Optional.ofNullable(dataDir),
                System.getenv());
        try (GantryServer server = GantryServer.start(config, System.getenv())) {
            Banner.print(System.out, server, false);
            awaitShutdown(server);
        }
        return 0;
    }

    static void awaitShutdown(GantryServer server) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            done.countDown();
        }, "gantry-shutdown"));
        done.await();
    }
}
