package dev.gantry.server;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gantry server}: the control plane in the foreground until interrupted. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = "Run the Gantry control plane in the foreground.")
final class ServerCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() throws Exception {
        GantryConfig config = options.config();
        GantryServer server = GantryServer.start(config, System.getenv()); // the API listens from here on
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            done.countDown();
                        },
                        "gantry-shutdown"));
        server.awaitReady(); // the engine is prepared behind the API; a failure here ends the command (exit 2)
        Banner.print(System.out, server, false);
        done.await();
        return 0;
    }
}
