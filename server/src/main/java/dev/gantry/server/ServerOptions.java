package dev.gantry.server;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options {@code server} and {@code up} share (a picocli mixin); the rest comes from GantryConfig. */
final class ServerOptions {

    @Option(names = "--port", description = "API port (default 4499 or GANTRY_PORT).")
    Integer port;

    @Option(names = "--data-dir", description = "Where state lives (default ~/.gantry or GANTRY_DATA_DIR).")
    Path dataDir;

    GantryConfig config() {
        return GantryConfig.resolve(Optional.ofNullable(port), Optional.ofNullable(dataDir), System.getenv());
    }
}
