package dev.gantry.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the CLI's defaults come from when no flag is given: the environment, then built-in values. Pure. */
final class Defaults {
    static final String ENDPOINT = "http://127.0.0.1:4499";
    static final String REGION = "us-east-1";
    static final String CLUSTER = "default";

    private Defaults() {}

    static String endpoint(Map<String, String> env) {
        return first(env, "GANTRY_ENDPOINT").orElse(ENDPOINT);
    }

    static String region(Map<String, String> env) {
        return first(env, "GANTRY_REGION", "AWS_REGION").orElse(REGION);
    }

    /** {@code $GANTRY_DATA_DIR}, else {@code <home>/.gantry}: where the server keeps its {@code credentials} file. */
    static Path dataDir(Map<String, String> env, Path home) {
        return first(env, "GANTRY_DATA_DIR").map(Path::of).orElse(home.resolve(".gantry"));
    }

    /** The first of the named variables that is set and not blank, trimmed. */
    static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }
}
