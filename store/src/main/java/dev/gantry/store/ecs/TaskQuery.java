package dev.gantry.store.ecs;

import java.util.Optional;

/** ListTasks filters. {@code desiredStatus} is RUNNING or STOPPED. */
public record TaskQuery(
        String clusterName,
        Optional<String> family,
        Optional<String> startedBy,
        String desiredStatus,
        Optional<String> launchType) {}
