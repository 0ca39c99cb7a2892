package dev.gantry.control.task;

import dev.gantry.control.inject.ContainerInputs;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.HealthCheck;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.HealthSpec;
import dev.gantry.runtime.spi.MountSpec;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import dev.gantry.runtime.spi.UlimitSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pure translation of an ECS container definition into the driver's fully resolved {@link ContainerSpec}.
 * Limits follow Fargate: the task's cpu and memory cap the task as a whole ({@link #resources}, where the engine
 * gives the task a cgroup of its own) and every container; a container's {@code cpu} is its relative share; a
 * container's {@code memory} is its hard limit, else the task's memory is. Mounts are the definition's, then the
 * platform's ({@link ContainerEnvironment#mounts}, e.g. the resolver file) where the definition mounts nothing.
 */
public final class ContainerSpecs {
    private static final long MIB = 1024L * 1024L;

    private ContainerSpecs() {}

    public static TaskRef ref(TaskSpec task) {
        return new TaskRef(
                task.taskId(),
                task.taskArn(),
                task.clusterName(),
                task.family(),
                task.taskDefinition().revision());
    }

    /** The task's size as limits for all its containers together. */
    public static TaskResources resources(TaskSpec task) {
        return new TaskResources(
                Long.parseLong(task.memory()) * MIB, Long.parseLong(task.cpu()) * 1_000_000_000L / 1024L);
    }

    public static ContainerSpec of(TaskSpec task, ContainerDefinition c, String region) {
        return of(task, c, region, Optional.empty(), ContainerEnvironment.NONE, ContainerInputs.NONE);
    }

    /** As above, under {@code runtime} (empty: the engine's default); isolation and mounts from {@link Sandboxing}. */
    public static ContainerSpec of(TaskSpec task, ContainerDefinition c, String region, Optional<String> runtime) {
        return of(task, c, region, runtime, ContainerEnvironment.NONE, ContainerInputs.NONE);
    }

    /** As above, under the engine's default runtime, with the platform's variables and the values resolved at start. */
    public static ContainerSpec of(
            TaskSpec task, ContainerDefinition c, String region, ContainerEnvironment extra, ContainerInputs inputs) {
        return of(task, c, region, Optional.empty(), extra, inputs);
    }

    /**
     * The container's spec under {@code runtime} (empty: the engine's default; isolation and mounts from
     * {@link Sandboxing}), with the platform's variables from {@code extra} and the values resolved at start in
     * {@code inputs}. Each environment layer overrides the ones before: Fargate's own (AWS_EXECUTION_ENV, the
     * region), {@code extra}'s defaults, variables from environment files, the definition's {@code environment}
     * (ECS's precedence over files), secrets, and last {@code extra}'s platform variables (the endpoints' URIs,
     * which a definition cannot replace, as on Fargate).
     */
    public static ContainerSpec of(
            TaskSpec task,
            ContainerDefinition c,
            String region,
            Optional<String> runtime,
            ContainerEnvironment extra,
            ContainerInputs inputs) {
        TaskResources size = resources(task);
        long memory = c.memory() != null ? c.memory() * MIB : size.memoryBytes();
        long reservation = c.memoryReservation() != null ? c.memoryReservation() * MIB : 0;
        long nanoCpus = size.nanoCpus();
        int shares = c.cpu() != null && c.cpu() > 0 ? Math.max(2, c.cpu()) : 1024;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.putAll(extra.defaults(task, c));
        env.putAll(inputs.fromFiles());
        for (KeyValuePair kv : c.environmentOrEmpty()) {
            env.put(kv.name(), kv.value() == null ? "" : kv.value());
        }
        env.putAll(inputs.secrets());
        env.putAll(extra.platform(task, c));
        List<UlimitSpec> ulimits = c.ulimits() == null
                ? List.of()
                : c.ulimits().stream()
                        .map(u -> new UlimitSpec(u.name(), u.softLimit(), u.hardLimit()))
                        .toList();
        Map<String, String> labels = c.dockerLabels() == null ? Map.of() : c.dockerLabels();
        return new ContainerSpec(
                        ref(task),
                        c.name(),
                        c.image(),
                        orEmpty(c.entryPoint()),
                        orEmpty(c.command()),
                        env,
                        Optional.ofNullable(c.workingDirectory()),
                        Optional.ofNullable(c.user()),
                        memory,
                        reservation,
                        nanoCpus,
                        shares,
                        ulimits,
                        Boolean.TRUE.equals(c.readonlyRootFilesystem()),
                        Optional.ofNullable(c.healthCheck()).map(ContainerSpecs::health),
                        labels,
                        Boolean.TRUE.equals(c.pseudoTerminal()),
                        Boolean.TRUE.equals(c.interactive()),
                        Duration.ofSeconds(c.stopTimeoutOrDefault()))
                .withIsolation(Sandboxing.isolation(task, c, runtime), mounts(task, c, extra));
    }

    /** The definition's mounts, then the platform's at paths the definition leaves free. */
    static List<MountSpec> mounts(TaskSpec task, ContainerDefinition c, ContainerEnvironment extra) {
        List<MountSpec> all = new ArrayList<>(Sandboxing.mounts(task, c));
        Set<String> taken = all.stream().map(MountSpec::containerPath).collect(Collectors.toSet());
        for (MountSpec m : extra.mounts(task, c)) {
            if (taken.add(m.containerPath())) {
                all.add(m);
            }
        }
        return all;
    }

    static HealthSpec health(HealthCheck h) {
        List<String> test = new ArrayList<>(h.command());
        if (!test.isEmpty() && !test.get(0).equals("CMD") && !test.get(0).equals("CMD-SHELL")) {
            test.add(0, "CMD");
        }
        return new HealthSpec(
                test,
                Duration.ofSeconds(h.intervalOrDefault()),
                Duration.ofSeconds(h.timeoutOrDefault()),
                Duration.ofSeconds(h.startPeriodOrDefault()),
                h.retriesOrDefault());
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
