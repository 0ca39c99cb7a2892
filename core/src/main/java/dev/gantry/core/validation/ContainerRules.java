package dev.gantry.core.validation;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.taskdef.Ulimit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that concern one container definition on its own: name, image, timeouts, environment, ulimits,
 * what it asks of the sandbox ({@link SandboxRules}); delegates health checks, logging and port mappings to their own rules.
 */
final class ContainerRules {
    static final List<String> ULIMIT_NAMES = List.of(
            "core",
            "cpu",
            "data",
            "fsize",
            "locks",
            "memlock",
            "msgqueue",
            "nice",
            "nofile",
            "nproc",
            "rss",
            "rtprio",
            "rttime",
            "sigpending",
            "stack");
    static final int MIN_TIMEOUT = 2;
    static final int MAX_TIMEOUT = 120;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private ContainerRules() {}

    /** {@code position} is 1-based, used to point at a container that has no usable name. */
    static void validate(ContainerDefinition c, int position) {
        if (c == null) {
            throw Problems.task("Container definition #" + position + " is empty; remove it or give it at least "
                    + "a 'name' and an 'image'.");
        }
        name(c.name(), position);
        String name = c.name();
        image(name, c.image());
        timeout(name, "startTimeout", c.startTimeout());
        timeout(name, "stopTimeout", c.stopTimeout());
        environment(name, c.environment());
        ulimits(name, c.ulimits());
        SandboxRules.container(c);
        if (c.healthCheck() != null) {
            HealthCheckRules.validate(name, c.healthCheck());
        }
        if (c.logConfiguration() != null) {
            LogConfigurationRules.validate(name, c.logConfiguration());
        }
        PortMappingRules.validate(name, c.portMappings());
        InjectionRules.validate(c);
    }

    private static void name(String name, int position) {
        if (name == null || name.isEmpty()) {
            throw Problems.task("Container name is required: container definition #" + position + " has no "
                    + "'name'. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens "
                    + "are allowed.");
        }
        if (!NAME.matcher(name).matches()) {
            throw Problems.task("Invalid container name '" + name + "'. Up to 255 letters (uppercase and "
                    + "lowercase), numbers, underscores, and hyphens are allowed.");
        }
    }

    private static void image(String name, String image) {
        if (image == null || image.isEmpty()) {
            throw Problems.container(
                    name, "'image' is required: set it to an image reference such as " + "'nginx:1.27'.");
        }
        ImageReference.problem(image).ifPresent(problem -> {
            throw Problems.container(name, problem);
        });
    }

    private static void timeout(String name, String field, Integer seconds) {
        if (seconds != null && (seconds < MIN_TIMEOUT || seconds > MAX_TIMEOUT)) {
            throw Problems.container(
                    name,
                    "'" + field + "' is " + seconds + " seconds; on Fargate it must be " + "between " + MIN_TIMEOUT
                            + " and " + MAX_TIMEOUT + " seconds.");
        }
    }

    private static void environment(String name, List<KeyValuePair> environment) {
        if (environment == null) {
            return;
        }
        for (KeyValuePair variable : environment) {
            if (variable == null || variable.name() == null || variable.name().isEmpty()) {
                throw Problems.container(name, "Every 'environment' entry needs a non-empty 'name'.");
            }
        }
    }

    private static void ulimits(String name, List<Ulimit> ulimits) {
        if (ulimits == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Ulimit u : ulimits) {
            if (u == null || u.name() == null || !ULIMIT_NAMES.contains(u.name())) {
                throw Problems.container(
                        name,
                        "Invalid ulimit name '" + (u == null ? null : u.name()) + "'. Valid names: "
                                + String.join(", ", ULIMIT_NAMES) + ".");
            }
            if (!seen.add(u.name())) {
                throw Problems.container(name, "Ulimit '" + u.name() + "' is set more than once.");
            }
            if (u.softLimit() == null || u.hardLimit() == null) {
                throw Problems.container(name, "Ulimit '" + u.name() + "' needs both 'softLimit' and 'hardLimit'.");
            }
            if (u.softLimit() < 0 || u.hardLimit() < 0) {
                throw Problems.container(name, "Ulimit '" + u.name() + "' limits must not be negative.");
            }
            if (u.softLimit() > u.hardLimit()) {
                throw Problems.container(
                        name,
                        "Ulimit '" + u.name() + "' has softLimit " + u.softLimit()
                                + " greater than hardLimit " + u.hardLimit()
                                + "; the soft limit must not exceed the hard "
                                + "limit.");
            }
        }
    }
}
