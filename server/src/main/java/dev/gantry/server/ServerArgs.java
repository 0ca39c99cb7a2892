package dev.gantry.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The start-up fast path: {@code server} and {@code up} with nothing but {@code --port} and {@code --data-dir} are
 * parsed here instead of by picocli. Picocli's classes target Java 5, so the JVM verifies them with its old verifier
 * and cannot keep them in the class-data archive; building its model took ~0.4 s of CPU before the API could
 * listen. Anything else (help, a typo, another command) is left to picocli, which owns the messages.
 */
final class ServerArgs {
    private ServerArgs() {}

    /** The command to run for {@code args}, or empty when picocli should parse them. */
    static Optional<Callable<Integer>> parse(String... args) {
        if (args.length == 0 || !(args[0].equals("server") || args[0].equals("up"))) {
            return Optional.empty();
        }
        ServerOptions options = new ServerOptions();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            switch (name) {
                case "--port" -> {
                    if (!value.matches("[0-9]{1,5}")) {
                        return Optional.empty();
                    }
                    options.port = Integer.valueOf(value);
                }
                case "--data-dir" -> options.dataDir = Path.of(value);
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (args[0].equals("server")) {
            ServerCommand server = new ServerCommand();
            server.options = options;
            return Optional.of(server);
        }
        UpCommand up = new UpCommand();
        up.options = options;
        return Optional.of(up);
    }
}
