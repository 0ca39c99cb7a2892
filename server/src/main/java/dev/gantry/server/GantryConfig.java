package dev.gantry.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Server settings. Each is resolved from, in order: a command-line flag, an environment variable, the config file
 * ({@code <data-dir>/gantry.properties}, or the file named by {@code GANTRY_CONFIG}), then the default.
 * docs/configuration.md lists them all.
 */
public record GantryConfig(
        String host,
        int port,
        Path dataDir,
        String region,
        String accountId,
        String networkName,
        Path busybox,
        int warmSandboxes,
        Duration stoppedTaskRetention) {

    public static final int DEFAULT_PORT = 4499;

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".gantry");
    }

    /** Resolves the settings; {@code port} and {@code dataDir} are flag values when the user gave them. */
    public static GantryConfig resolve(Optional<Integer> port, Optional<Path> dataDir, Map<String, String> env) {
        Path dir = dataDir.or(() -> Optional.ofNullable(env.get("GANTRY_DATA_DIR")).map(Path::of))
                .orElse(defaultDataDir()).toAbsolutePath();
        Path file = Optional.ofNullable(env.get("GANTRY_CONFIG")).map(Path::of).orElse(dir.resolve("gantry.properties"));
        Properties props = load(file);
        Setting s = new Setting(env, props);
        return new GantryConfig(
                s.get("GANTRY_HOST", "host", "127.0.0.1"),
                port.orElseGet(() -> Integer.parseInt(s.get("GANTRY_PORT", "port", String.valueOf(DEFAULT_PORT)))),
                dir,
                s.get("GANTRY_REGION", "region", "us-east-1"),
                s.get("GANTRY_ACCOUNT_ID", "account-id", "000000000000"),
                s.get("GANTRY_NETWORK", "network", "gantry"),
                Path.of(s.get("GANTRY_BUSYBOX", "busybox", "/bin/busybox")),
                Integer.parseInt(s.get("GANTRY_WARM_SANDBOXES", "warm-sandboxes", "2")),
                Duration.ofMinutes(Long.parseLong(s.get("GANTRY_STOPPED_TASK_RETENTION_MINUTES",
                        "stopped-task-retention-minutes", "120"))));
    }

    private record Setting(Map<String, String> env, Properties props) {
        String get(String envName, String key, String dflt) {
            String v = env.get(envName);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
            return props.getProperty(key, dflt).trim();
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }
}
