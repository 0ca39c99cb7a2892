package dev.gantry.core.run;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.validation.FargateSizes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure decisions of a RunTask call that do not need the store: the effective definition and the task group. */
public final class RunTaskPlanner {
    private RunTaskPlanner() {}

    /**
     * {@code definition} with {@code overrides} applied, as the task will run it. Per container: a non-empty
     * {@code command} replaces the command; {@code environment} entries replace same-name variables in place and
     * are appended otherwise; {@code cpu}, {@code memory} and {@code memoryReservation} replace the container's
     * values when given. Task-level {@code cpu} and {@code memory} replace the task size (normalised to unit
     * strings) and the role ARNs replace the task's roles when given. Overrides naming unknown containers are
     * ignored here; {@link RunTaskValidator} rejects them.
     */
    public static TaskDefinition effectiveDefinition(TaskDefinition definition, TaskOverride overrides) {
        if (overrides == null) {
            return definition;
        }
        TaskDefinition out = definition;
        if (!overrides.containerOverridesOrEmpty().isEmpty()) {
            List<ContainerDefinition> containers = new ArrayList<>();
            for (ContainerDefinition c : definition.containers()) {
                containers.add(
                        overrides.forContainer(c.name()).map(o -> apply(c, o)).orElse(c));
            }
            out = out.withContainerDefinitions(List.copyOf(containers));
        }
        if (given(overrides.cpu()) || given(overrides.memory())) {
            String cpu = given(overrides.cpu()) ? FargateSizes.normalizeCpu(overrides.cpu()) : out.cpu();
            String memory = given(overrides.memory()) ? FargateSizes.normalizeMemory(overrides.memory()) : out.memory();
            out = out.withSize(cpu, memory);
        }
        if (given(overrides.taskRoleArn()) || given(overrides.executionRoleArn())) {
            out = out.withRoles(
                    given(overrides.taskRoleArn()) ? overrides.taskRoleArn() : out.taskRoleArn(),
                    given(overrides.executionRoleArn()) ? overrides.executionRoleArn() : out.executionRoleArn());
        }
        return out;
    }

    /** The task group: the request's {@code group}, else ECS's default {@code family:<family>}. */
    public static String group(RunTaskRequest request, TaskDefinition definition) {
        return given(request.group()) ? request.group() : "family:" + definition.family();
    }

    static ContainerDefinition apply(ContainerDefinition c, ContainerOverride o) {
        List<String> command = o.command() == null || o.command().isEmpty() ? c.command() : o.command();
        ContainerDefinition files =
                o.environmentFiles() == null || o.environmentFiles().isEmpty()
                        ? c
                        : c.withEnvironmentFiles(List.copyOf(o.environmentFiles()));
        return files.withOverrides(
                command,
                mergeEnvironment(c.environment(), o.environment()),
                o.cpu() != null ? o.cpu() : c.cpu(),
                o.memory() != null ? o.memory() : c.memory(),
                o.memoryReservation() != null ? o.memoryReservation() : c.memoryReservation());
    }

    /** Definition variables in order with overridden values, then new override variables (last one wins). */
    static List<KeyValuePair> mergeEnvironment(List<KeyValuePair> base, List<KeyValuePair> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return base;
        }
        Map<String, KeyValuePair> byName = new LinkedHashMap<>();
        for (KeyValuePair kv : overrides) {
            if (kv != null) {
                byName.put(kv.name(), kv);
            }
        }
        List<KeyValuePair> merged = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (KeyValuePair kv : base == null ? List.<KeyValuePair>of() : base) {
            if (kv == null) {
                continue;
            }
            KeyValuePair replacement = byName.get(kv.name());
            merged.add(replacement != null ? replacement : kv);
            if (replacement != null) {
                used.add(kv.name());
            }
        }
        byName.forEach((name, kv) -> {
            if (!used.contains(name)) {
                merged.add(kv);
            }
        });
        return List.copyOf(merged);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
