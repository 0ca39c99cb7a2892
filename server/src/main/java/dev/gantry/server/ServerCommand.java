package dev.gantry.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gantry server}: the control plane in the foreground until interrupted. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the Gantry control plane in the foreground.")
final class ServerCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() throws Exception {
        GantryConfig config = options.config();
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
