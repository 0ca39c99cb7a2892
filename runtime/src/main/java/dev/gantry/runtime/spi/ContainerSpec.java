package dev.gantry.runtime.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container to create inside a task's sandbox, fully resolved: no defaults left to apply.
 * {@code memoryBytes} is the hard limit (the engine kills the container above it); {@code nanoCpus} caps CPU time;
 * {@code cpuShares} weighs it against other containers.
 */
public record ContainerSpec(
        TaskRef task,
        String name,
        String image,
        List<String> entryPoint,
        List<String> command,
        Map<String, String> environment,
        Optional<String> workingDirectory,
        Optional<String> user,
        long memoryBytes,
        long memoryReservationBytes,
        long nanoCpus,
        int cpuShares,
        List<UlimitSpec> ulimits,
        boolean readonlyRootFilesystem,
        Optional<HealthSpec> healthCheck,
        Map<String, String> labels,
        boolean tty,
        boolean openStdin,
        Duration stopTimeout) {

    public ContainerSpec {
        entryPoint = List.copyOf(entryPoint);
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ulimits = List.copyOf(ulimits);
        labels = Map.copyOf(labels);
    }

    /** Names the container and its environment's variable names only: values may be secrets, never printed. */
    @Override
    public String toString() {
        return "ContainerSpec[task=" + task.taskId() + ", name=" + name + ", image=" + image + ", environment="
                + new java.util.TreeSet<>(environment.keySet()) + "]";
    }

    /** This spec with {@code health} as its health check. */
    public ContainerSpec withHealthCheck(HealthSpec health) {
        return new ContainerSpec(
                task,
                name,
                image,
                entryPoint,
                command,
                environment,
                workingDirectory,
                user,
                memoryBytes,
                memoryReservationBytes,
                nanoCpus,
                cpuShares,
                ulimits,
                readonlyRootFilesystem,
                Optional.of(health),
                labels,
                tty,
                openStdin,
                stopTimeout);
    }
}
