package dev.gantry.core.taskdef;

/**
 * {@code dependsOn}: this container starts once {@code containerName} reaches {@code condition}. Wire-shaped: both
 * may be null in a request (validation says what is missing); the API edge refuses unknown condition names before
 * binding (see {@link DependencyCondition}).
 */
public record ContainerDependency(String containerName, DependencyCondition condition) {}
