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
            throw Problems.container(name, "Log driver '" + driver + "' is not supported on Fargate, which accepts "
                    + String.join(", ", FARGATE_DRIVERS) + "; Gantry implements \"awslogs\", so use that.");
        }
        if (!driver.equals(AWSLOGS)) {
            throw Problems.container(name, "Log driver '" + driver + "' is not supported by Gantry yet; Gantry "
                    + "supports \"awslogs\" only.");
        }
        for (String option : AWSLOGS_REQUIRED) {
            if (log.option(option).filter(v -> !v.isBlank()).isEmpty()) {
                throw Problems.container(name, "Log driver awslogs requires option '" + option + "'. On Fargate set "
                        + "all of " + String.join(", ", AWSLOGS_REQUIRED) + ".");
            }
        }
    }
}
