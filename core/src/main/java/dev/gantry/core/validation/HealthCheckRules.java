package dev.gantry.core.validation;

import dev.gantry.core.taskdef.HealthCheck;
import java.util.List;

/**
 * Container health check rules (facts §2.3). A command whose first element is neither {@code CMD} nor
 * {@code CMD-SHELL} is accepted and run as if it started with {@code CMD}, as ECS does.
 */
final class HealthCheckRules {
    static final int MIN_INTERVAL = 5;
    static final int MAX_INTERVAL = 300;
    static final int MIN_TIMEOUT = 2;
    static final int MAX_TIMEOUT = 60;
    static final int MIN_RETRIES = 1;
    static final int MAX_RETRIES = 10;
    static final int MAX_START_PERIOD = 300;

    private HealthCheckRules() {}

    static void validate(String name, HealthCheck check) {
        command(name, check.command());
        range(name, "interval", check.interval(), MIN_INTERVAL, MAX_INTERVAL, " seconds");
        range(name, "timeout", check.timeout(), MIN_TIMEOUT, MAX_TIMEOUT, " seconds");
        range(name, "retries", check.retries(), MIN_RETRIES, MAX_RETRIES, "");
        range(name, "startPeriod", check.startPeriod(), 0, MAX_START_PERIOD, " seconds");
    }

    private static void command(String name, List<String> command) {
        if (command == null || command.isEmpty()) {
            throw Problems.container(
                    name,
                    "healthCheck 'command' is required, for example "
                            + "[\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"].");
        }
        String first = command.get(0);
        if (first == null || first.isBlank()) {
            throw Problems.container(
                    name,
                    "healthCheck 'command' must start with \"CMD\", \"CMD-SHELL\" or the "
                            + "program to run, not an empty string.");
        }
        boolean prefixed = first.equals("CMD") || first.equals("CMD-SHELL");
        if (prefixed
                && (command.size() < 2
                        || command.get(1) == null
                        || command.get(1).isBlank())) {
            throw Problems.container(
                    name,
                    "healthCheck 'command' [\"" + first + "\"] has nothing to run: add the " + "command after \""
                            + first + "\", for example [\"" + first + "\", \"/healthcheck\"].");
        }
    }

    private static void range(String name, String field, Integer value, int min, int max, String unit) {
        if (value != null && (value < min || value > max)) {
            throw Problems.container(
                    name,
                    "healthCheck '" + field + "' is " + value + unit + "; it must be between " + min + " and " + max
                            + unit + ".");
        }
    }
}
