package dev.gantry.core.run;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.validation.TaskDefinitionValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RunTask overrides against the task definition they apply to: every container override names a container of
 * the definition, once; and the definition with overrides applied still has a valid Fargate size whose
 * containers fit in it.
 */
final class OverrideRules {
    private OverrideRules() {}

    static void validate(TaskDefinition definition, TaskOverride overrides) {
        if (overrides == null) {
            return;
        }
        Set<String> containerNames =
                definition.containers().stream().map(ContainerDefinition::name).collect(Collectors.toSet());
        Set<String> overridden = new HashSet<>();
        for (ContainerOverride o : overrides.containerOverridesOrEmpty()) {
            if (o == null || o.name() == null || o.name().isEmpty()) {
                throw ApiException.invalidParameter(
                        "Every container override needs the 'name' of a container in " + "the task definition.");
            }
            if (!containerNames.contains(o.name())) {
                throw ApiException.invalidParameter("Override for container named " + o.name() + " is not a "
                        + "container in the TaskDefinition. Containers in " + definition.family() + ": "
                        + String.join(
                                ", ",
                                definition.containers().stream()
                                        .map(ContainerDefinition::name)
                                        .toList())
                        + ".");
            }
            if (!overridden.add(o.name())) {
                throw ApiException.invalidParameter(
                        "Container '" + o.name() + "' has more than one override; " + "combine them into one.");
            }
            container(o);
        }
        TaskDefinitionValidator.validateResources(RunTaskPlanner.effectiveDefinition(definition, overrides));
    }

    private static void container(ContainerOverride o) {
        List<dev.gantry.core.taskdef.EnvironmentFile> files =
                o.environmentFiles() == null ? List.of() : o.environmentFiles();
        if (files.size() > 10) {
            throw ApiException.invalidParameter("Override for container " + o.name() + ": at most 10 environment "
                    + "files may be given, but " + files.size() + " were.");
        }
        for (dev.gantry.core.taskdef.EnvironmentFile f : files) {
            if (f == null || !"s3".equals(f.type())) {
                throw ApiException.invalidParameter("Override for container " + o.name() + ": invalid environment "
                        + "file type '" + (f == null ? null : f.type()) + "'. The only supported type is 's3'.");
            }
            try {
                dev.gantry.core.inject.S3Object.parse(f.value());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter(
                        "Override for container " + o.name() + ": environment file " + e.getMessage());
            }
        }
        for (KeyValuePair kv : o.environment() == null ? List.<KeyValuePair>of() : o.environment()) {
            if (kv == null || kv.name() == null || kv.name().isEmpty()) {
                throw ApiException.invalidParameter("Override for container " + o.name() + ": every environment "
                        + "entry needs a non-empty 'name'.");
            }
        }
        if (o.command() != null && o.command().stream().anyMatch(arg -> arg == null)) {
            throw ApiException.invalidParameter(
                    "Override for container " + o.name() + ": command must not contain " + "null entries.");
        }
        if (o.cpu() != null && o.cpu() < 0) {
            throw ApiException.invalidParameter(
                    "Override for container " + o.name() + ": cpu " + o.cpu() + " must not be negative.");
        }
    }
}
