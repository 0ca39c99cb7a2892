package dev.gantry.core.validation;

import dev.gantry.core.taskdef.LogConfiguration;
import java.util.List;

/**
 * Log configuration rules. Fargate accepts {@code awslogs}, {@code splunk} and {@code awsfirelens}; Gantry
 * implements {@code awslogs} only, and Fargate requires its group, region and stream prefix.
 */
final class LogConfigurationRules {
    static final String AWSLOGS = "awslogs";
    static final List<String> FARGATE_DRIVERS = List.of(AWSLOGS, "splunk", "awsfirelens");
    static final List<String> AWSLOGS_REQUIRED = List.of("awslogs-group", "awslogs-region", "awslogs-stream-prefix");

    private LogConfigurationRules() {}

    static void validate(String name, LogConfiguration log) {
        String driver = log.logDriver();
        if (driver == null || driver.isEmpty()) {
            throw Problems.container(name, "logConfiguration 'logDriver' is required; Gantry supports \"awslogs\".");
        }
        if (!FARGATE_DRIVERS.contains(driver)) {
            throw Problems.container(
                    name,
                    "Log driver '" + driver + "' is not supported on Fargate, which accepts "
                            + String.join(", ", FARGATE_DRIVERS) + "; Gantry implements \"awslogs\", so use that.");
        }
        if (!driver.equals(AWSLOGS)) {
            throw Problems.container(
                    name,
                    "Log driver '" + driver + "' is not supported by Gantry yet; Gantry "
                            + "supports \"awslogs\" only.");
        }
        for (String option : AWSLOGS_REQUIRED) {
            if (log.option(option).filter(v -> !v.isBlank()).isEmpty()) {
                throw Problems.container(
                        name,
                        "Log driver awslogs requires option '" + option + "'. On Fargate set " + "all of "
                                + String.join(", ", AWSLOGS_REQUIRED) + ".");
            }
        }
        String group = log.option("awslogs-group").orElseThrow();
        if (group.length() > 512 || !GROUP.matcher(group).matches()) {
            throw Problems.container(
                    name,
                    "awslogs-group '" + group + "' is not a valid log group name: 1 to 512 of "
                            + "letters, digits and . - _ / #.");
        }
        String prefix = log.option("awslogs-stream-prefix").orElseThrow();
        if (prefix.contains(":") || prefix.contains("*")) {
            throw Problems.container(name, "awslogs-stream-prefix '" + prefix + "' may not contain ':' or '*'.");
        }
        String region = log.option("awslogs-region").orElseThrow();
        if (!REGION.matcher(region).matches()) {
            throw Problems.container(name, "awslogs-region '" + region + "' is not a region name such as us-east-1.");
        }
    }

    private static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile("[.\\-_/#A-Za-z0-9]+");
    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
}
