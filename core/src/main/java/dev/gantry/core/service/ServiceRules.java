package dev.gantry.core.service;

import dev.gantry.core.error.ApiException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pure checks of CreateService and UpdateService values, with ECS's error type (InvalidParameterException) and
 * messages that say what to change. The API edge reads the request; these decide.
 */
public final class ServiceRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    public static final List<String> PROPAGATE_TAGS = List.of("TASK_DEFINITION", "SERVICE", "NONE");
    public static final int MAX_CLIENT_TOKEN = 36;
    static final List<String> LATER_STRATEGIES = List.of("BLUE_GREEN", "LINEAR", "CANARY");

    private ServiceRules() {}

    public static String serviceName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalidParameter("Invalid service name '" + (name == null ? "" : name) + "'. Up to "
                    + "255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.");
        }
        return name;
    }

    /** REPLICA (or absent) only: DAEMON is refused as on Fargate. */
    public static void schedulingStrategy(String strategy) {
        if (strategy == null || strategy.equals("REPLICA")) {
            return;
        }
        if (strategy.equals("DAEMON")) {
            throw ApiException.invalidParameter("The DAEMON scheduling strategy is not supported with the FARGATE "
                    + "launch type. Use REPLICA (the default) with a desiredCount.");
        }
        throw ApiException.invalidParameter(
                "Invalid schedulingStrategy '" + strategy + "'. Valid values are REPLICA and DAEMON.");
    }

    /** The ECS controller only. */
    public static void deploymentController(String type) {
        switch (type == null ? "" : type) {
            case "ECS" -> {}
            case "CODE_DEPLOY", "EXTERNAL" ->
                throw ApiException.invalidParameter("Gantry does not support the "
                        + type + " deployment controller yet. Use deploymentController type ECS (the default): it does "
                        + "rolling deployments with a circuit breaker.");
            default ->
                throw ApiException.invalidParameter("Invalid deploymentController type '" + type + "'. Valid "
                        + "values are ECS, CODE_DEPLOY and EXTERNAL; Gantry supports ECS.");
        }
    }

    /** ROLLING only, for now. */
    public static void strategy(String strategy) {
        if (strategy == null || strategy.equals("ROLLING")) {
            return;
        }
        throw ApiException.invalidParameter(
                LATER_STRATEGIES.contains(strategy)
                        ? "Gantry does not support the " + strategy + " deployment strategy yet. Use ROLLING (the "
                                + "default) with minimumHealthyPercent and maximumPercent."
                        : "Invalid deployment strategy '" + strategy
                                + "'. Valid values are ROLLING, BLUE_GREEN, LINEAR "
                                + "and CANARY; Gantry supports ROLLING.");
    }

    /** minimumHealthyPercent 0-100 and maximumPercent at least 100 (a REPLICA service on the ECS controller). */
    public static DeploymentSettings deploymentSettings(int min, int max, boolean breaker, boolean rollback) {
        if (min < 0 || min > 100) {
            throw ApiException.invalidParameter(
                    "minimumHealthyPercent is " + min + "; it must be between 0 and 100 for a REPLICA service.");
        }
        if (max < 100) {
            throw ApiException.invalidParameter("maximumPercent is " + max + "; it must be at least 100 so the "
                    + "service can run its desired count (the default is 200).");
        }
        return new DeploymentSettings(min, max, breaker, rollback);
    }

    public static void propagateTags(String value) {
        if (value != null && !PROPAGATE_TAGS.contains(value)) {
            throw ApiException.invalidParameter(
                    "Invalid propagateTags '" + value + "'. Valid values are TASK_DEFINITION, SERVICE and NONE.");
        }
    }

    public static int healthCheckGracePeriod(int seconds) {
        if (seconds < 0) {
            throw ApiException.invalidParameter(
                    "healthCheckGracePeriodSeconds is " + seconds + "; it must be between 0 and 2147483647.");
        }
        return seconds;
    }

    public static int desiredCount(int desired) {
        if (desired < 0) {
            throw ApiException.invalidParameter("desiredCount is " + desired + "; it cannot be negative.");
        }
        return desired;
    }

    public static void clientToken(String token) {
        if (token != null && (token.isEmpty() || token.length() > MAX_CLIENT_TOKEN)) {
            throw ApiException.invalidParameter("clientToken must be 1 to " + MAX_CLIENT_TOKEN + " characters.");
        }
    }
}
