package dev.gantry.store.ecs;

import java.util.Optional;

/** ListTasks filters. {@code desiredStatus} is RUNNING or STOPPED; {@code group} is a service's {@code service:NAME}. */
public record TaskQuery(
        String clusterName,
        Optional<String> family,
        Optional<String> startedBy,
        String desiredStatus,
        Optional<String> launchType,
        Optional<String> group) {

    public TaskQuery(
            String clusterName,
            Optional<String> family,
            Optional<String> startedBy,
            String desiredStatus,
            Optional<String> launchType) {
        this(clusterName, family, startedBy, desiredStatus, launchType, Optional.empty());
    }
}
