package dev.gantry.core.taskdef;

/** {@code dependsOn}: this container starts once {@code containerName} reaches {@code condition}. */
public record ContainerDependency(String containerName, String condition) {}
