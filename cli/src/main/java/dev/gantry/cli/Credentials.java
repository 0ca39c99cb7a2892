package dev.gantry.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The key pair the CLI signs with, and where it came from. Resolution order (first complete pair wins):
 * {@code AWS_ACCESS_KEY_ID}+{@code AWS_SECRET_ACCESS_KEY}, then {@code GANTRY_ACCESS_KEY_ID}+
 * {@code GANTRY_SECRET_ACCESS_KEY}, then the server's {@code <data dir>/credentials} file (Java properties with
 * {@code aws_access_key_id} and {@code aws_secret_access_key}). A half-set pair is an error, not skipped.
 */
record Credentials(String accessKeyId, String secretAccessKey, String source) {

    static final String FILE_NAME = "credentials";

    Credentials {
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("access key id and secret must not be blank");
        }
    }

    /** Pure apart from reading {@code <dataDir>/credentials}: the environment is passed in. */
    static Credentials resolve(Map<String, String> env, Path dataDir) {
        return fromEnv(env, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
                .or(() -> fromEnv(env, "GANTRY_ACCESS_KEY_ID", "GANTRY_SECRET_ACCESS_KEY"))
                .or(() -> fromFile(dataDir.resolve(FILE_NAME)))
                .orElseThrow(() -> new CliException(CliException.UNREACHABLE, missingMessage(dataDir)));
    }

    private static Optional<Credentials> fromEnv(Map<String, String> env, String idName, String secretName) {
        Optional<String> id = Defaults.first(env, idName);
        Optional<String> secret = Defaults.first(env, secretName);
        if (id.isPresent() != secret.isPresent()) {
            String missing = id.isPresent() ? secretName : idName;
            String set = id.isPresent() ? idName : secretName;
            throw new CliException(
                    CliException.UNREACHABLE, set + " is set but " + missing + " is not: set both, or neither");
        }
        return id.map(i -> new Credentials(i, secret.orElseThrow(), idName));
    }

    private static Optional<Credentials> fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new CliException(CliException.UNREACHABLE, "cannot read " + file + ": " + e.getMessage());
        }
        String id = p.getProperty("aws_access_key_id", "").trim();
        String secret = p.getProperty("aws_secret_access_key", "").trim();
        if (id.isEmpty() || secret.isEmpty()) {
            throw new CliException(
                    CliException.UNREACHABLE, file + " lacks aws_access_key_id or aws_secret_access_key");
        }
        return Optional.of(new Credentials(id, secret, file.toString()));
    }

    private static String missingMessage(Path dataDir) {
        return "no credentials for Gantry. Provide them in one of these ways:\n"
                + "  export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=...   (the values Gantry printed at start)\n"
                + "  export GANTRY_ACCESS_KEY_ID=... GANTRY_SECRET_ACCESS_KEY=...\n"
                + "  or start the server once (./gantry server) so it writes " + dataDir.resolve(FILE_NAME)
                + " (set GANTRY_DATA_DIR if it uses another data dir)";
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "Credentials[" + accessKeyId + " from " + source + "]";
    }
}
