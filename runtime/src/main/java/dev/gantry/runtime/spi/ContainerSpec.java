package dev.gantry.runtime.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container to create inside a task's sandbox, fully resolved: no defaults left to apply.
 * {@code isolation} says how it is confined (capabilities, no-new-privileges, init, process namespace, runtime);
 * {@code mounts} what is mounted into it (task and persistent volumes, tmpfs).
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
        Duration stopTimeout,
        Isolation isolation,
        List<MountSpec> mounts) {

    public ContainerSpec {
        java.util.Objects.requireNonNull(isolation, "isolation");
        mounts = List.copyOf(mounts);
        entryPoint = List.copyOf(entryPoint);
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ulimits = List.copyOf(ulimits);
        labels = Map.copyOf(labels);
    }

    /** A spec with Fargate's hardened defaults ({@link Isolation#hardened()}) and no mounts. */
    public ContainerSpec(
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
        this(
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
                healthCheck,
                labels,
                tty,
                openStdin,
                stopTimeout,
                Isolation.hardened(),
                List.of());
    }

    /** This spec confined by {@code value} and with {@code values} mounted. */
    public ContainerSpec withIsolation(Isolation value, List<MountSpec> values) {
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
                healthCheck,
                labels,
                tty,
                openStdin,
                stopTimeout,
                value,
                values);
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
                stopTimeout,
                isolation,
                mounts);
    }
}
