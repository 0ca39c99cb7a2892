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
        Duration stoppedTaskRetention,
        Duration housekeepingInterval,
        ApiLimits api,
        Duration deploymentMinute,
        boolean taskEndpoint,
        Optional<String> defaultRuntime) {

    /** How many API requests run at once and wait, and how long a request under way may stop sending. */
    public record ApiLimits(int threads, int queue, Duration requestReadTimeout) {}

    public static final int DEFAULT_PORT = 4499;

    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".gantry");
    }

    /** Resolves the settings; {@code port} and {@code dataDir} are flag values when the user gave them. */
    public static GantryConfig resolve(Optional<Integer> port, Optional<Path> dataDir, Map<String, String> env) {
        Path dir = dataDir.or(
                        () -> Optional.ofNullable(env.get("GANTRY_DATA_DIR")).map(Path::of))
                .orElse(defaultDataDir())
                .toAbsolutePath();
        Path file =
                Optional.ofNullable(env.get("GANTRY_CONFIG")).map(Path::of).orElse(dir.resolve("gantry.properties"));
        Properties props = load(file);
        Setting s = new Setting(env, props);
        return new GantryConfig(
                s.get("GANTRY_HOST", "host", "127.0.0.1"),
                port.orElseGet(() -> s.number("GANTRY_PORT", "port", DEFAULT_PORT, 0, 65535)),
                dir,
                s.get("GANTRY_REGION", "region", "us-east-1"),
                s.get("GANTRY_ACCOUNT_ID", "account-id", "000000000000"),
                s.get("GANTRY_NETWORK", "network", "gantry"),
                Path.of(s.get("GANTRY_BUSYBOX", "busybox", "/bin/busybox")),
                s.number("GANTRY_WARM_SANDBOXES", "warm-sandboxes", 2, 0, 64),
                Duration.ofMinutes(s.number(
                        "GANTRY_STOPPED_TASK_RETENTION_MINUTES",
                        "stopped-task-retention-minutes",
                        120,
                        60,
                        7 * 24 * 60)),
                Duration.ofSeconds(s.number("GANTRY_HOUSEKEEPING_SECONDS", "housekeeping-seconds", 60, 1, 3600)),
                new ApiLimits(
                        s.number("GANTRY_API_THREADS", "api-threads", 64, 1, 4096),
                        s.number("GANTRY_API_QUEUE", "api-queue", 1000, 0, 100_000),
                        Duration.ofSeconds(s.number(
                                "GANTRY_REQUEST_READ_TIMEOUT_SECONDS", "request-read-timeout-seconds", 20, 1, 3600))),
                Duration.ofSeconds(
                        s.number("GANTRY_DEPLOYMENT_MINUTE_SECONDS", "deployment-minute-seconds", 60, 1, 60)),
                s.flag("GANTRY_TASK_ENDPOINT", "task-endpoint", true),
                Optional.of(s.get("GANTRY_DEFAULT_RUNTIME", "default-runtime", ""))
                        .filter(r -> !r.isEmpty()));
    }

    /** A setting the user got wrong; the message names it and says what is allowed. */
    public static final class InvalidSettingException extends IllegalArgumentException {
        InvalidSettingException(String message) {
            super(message);
        }
    }

    private record Setting(Map<String, String> env, Properties props) {
        String get(String envName, String key, String dflt) {
            String v = env.get(envName);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
            return props.getProperty(key, dflt).trim();
        }

        boolean flag(String envName, String key, boolean dflt) {
            String v = get(envName, key, String.valueOf(dflt));
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw new InvalidSettingException(
                    "invalid setting " + envName + " (config key '" + key + "'): '" + v + "' must be true or false.");
        }

        int number(String envName, String key, int dflt, int min, int max) {
            String v = get(envName, key, String.valueOf(dflt));
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidSettingException("invalid setting " + envName + " (config key '" + key + "'): '" + v
                    + "' must be a whole number from " + min + " to " + max + ".");
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
