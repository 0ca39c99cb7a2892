package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.run.ContainerOverride;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.run.TaskOverride;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.validation.TaskDefinitionValidator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gantry acts on every setting it accepts. A task definition member Gantry does not implement yet is accepted only
 * when empty (as Terraform and the console often send {@code "mountPoints": []}); otherwise the request is refused
 * with a message naming the member, instead of the setting being silently ignored.
 */
final class SupportedFields {
    private static final Set<String> TASK = Set.of(
            "family",
            "containerDefinitions",
            "taskRoleArn",
            "executionRoleArn",
            "networkMode",
            "requiresCompatibilities",
            "cpu",
            "memory",
            "runtimePlatform",
            "ephemeralStorage",
            "volumes",
            "placementConstraints",
            "pidMode",
            "ipcMode",
            "tags");
    private static final Set<String> CONTAINER = components(ContainerDefinition.class);
    private static final Set<String> RUN_TASK = components(RunTaskRequest.class);
    private static final Set<String> LOG_CONFIGURATION = components(dev.gantry.core.taskdef.LogConfiguration.class);
    private static final Set<String> OVERRIDE = components(TaskOverride.class);
    private static final Set<String> VOLUME = components(dev.gantry.core.taskdef.Volume.class);
    private static final Set<String> EFS = components(dev.gantry.core.taskdef.EfsVolumeConfiguration.class);
    private static final Set<String> LINUX = components(dev.gantry.core.taskdef.LinuxParameters.class);
    private static final Set<String> CONTAINER_OVERRIDE = components(ContainerOverride.class);

    private SupportedFields() {}

    /** ECS's limit on a registered task definition's JSON size. */
    static final int MAX_TASK_DEFINITION_BYTES = 64 * 1024;

    static void checkTaskDefinition(JsonNode in) {
        int size = in.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > MAX_TASK_DEFINITION_BYTES) {
            throw ApiException.client("The task definition is " + size + " bytes; the limit is "
                    + MAX_TASK_DEFINITION_BYTES + " bytes. Move large values (e.g. scripts) into the image.");
        }
        dropNullMembers(in);
        noNullEntries(in, "", ApiException::client);
        check(in, TASK, "");
        JsonNode volumes = in.path("volumes");
        for (int i = 0; volumes.isArray() && i < volumes.size(); i++) {
            check(volumes.get(i), VOLUME, "volumes[" + i + "].");
            if (volumes.get(i).path("efsVolumeConfiguration").isObject()) {
                check(volumes.get(i).get("efsVolumeConfiguration"), EFS, "volumes[" + i + "].efsVolumeConfiguration.");
            }
        }
        JsonNode containers = in.path("containerDefinitions");
        if (!containers.isArray()) {
            throw ApiException.client("containerDefinitions is required: a list of 1 to 10 containers.");
        }
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            if (!c.isObject()) {
                throw ApiException.client("containerDefinitions[" + i + "] must be an object.");
            }
            check(c, CONTAINER, "containerDefinitions[" + i + "].");
            dependsOnConditions(c, i);
            if (c.path("linuxParameters").isObject()) {
                check(c.get("linuxParameters"), LINUX, "containerDefinitions[" + i + "].linuxParameters.");
            }
            if (c.path("logConfiguration").isObject()) {
                check(
                        c.get("logConfiguration"),
                        LOG_CONFIGURATION,
                        "containerDefinitions[" + i + "].logConfiguration.");
            }
        }
    }

    /**
     * An unknown {@code dependsOn} condition cannot be bound to {@link dev.gantry.core.taskdef.DependencyCondition},
     * so it is refused here, before binding, with the same ClientException the other dependsOn rules give.
     * A condition that is not a string is left to binding (a wrong JSON type).
     */
    private static void dependsOnConditions(JsonNode container, int index) {
        JsonNode name = container.path("name");
        String label = name.isTextual() ? name.asText() : "#" + (index + 1);
        for (JsonNode d : container.path("dependsOn")) {
            JsonNode condition = d.path("condition");
            if (condition.isTextual()) {
                TaskDefinitionValidator.checkDependsOnCondition(
                        label, d.path("containerName").asText(""), condition.asText());
            }
        }
    }

    static void checkRunTask(JsonNode in) {
        dropNullMembers(in);
        noNullEntries(in, "", ApiException::invalidParameter);
        checkParameter(in, RUN_TASK, "");
        if (in.path("enableExecuteCommand").asBoolean(false)) {
            throw ApiException.invalidParameter(
                    "Gantry does not support ECS Exec (enableExecuteCommand) yet; " + "omit it or set it to false.");
        }
        JsonNode overrides = in.path("overrides");
        if (overrides.isObject()) {
            checkParameter(overrides, OVERRIDE, "overrides.");
            JsonNode containers = overrides.path("containerOverrides");
            for (int i = 0; containers.isArray() && i < containers.size(); i++) {
                checkParameter(containers.get(i), CONTAINER_OVERRIDE, "overrides.containerOverrides[" + i + "].");
            }
        }
    }

    /** A member whose value is null is treated as absent, as AWS does ({@code "cpu": null} = no cpu). */
    private static void dropNullMembers(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> nulls = new java.util.ArrayList<>();
            o.fields().forEachRemaining(f -> {
                if (f.getValue().isNull()) {
                    nulls.add(f.getKey());
                } else {
                    dropNullMembers(f.getValue());
                }
            });
            o.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(SupportedFields::dropNullMembers);
        }
    }

    /** A list may not hold null entries ({@code "command": [null]}); AWS rejects them too. */
    private static void noNullEntries(JsonNode node, String path, Function<String, ApiException> error) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw error.apply(
                            "'" + path + "[" + i + "]' must not be null: remove the entry or give it " + "a value.");
                }
                noNullEntries(node.get(i), path + "[" + i + "]", error);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                noNullEntries(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), error);
            }
        }
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void check(JsonNode node, Set<String> supported, String path) {
        check(node, supported, path, ApiException::client);
    }

    private static void checkParameter(JsonNode node, Set<String> supported, String path) {
        check(node, supported, path, ApiException::invalidParameter);
    }

    private static void check(JsonNode node, Set<String> supported, String path, Function<String, ApiException> error) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!supported.contains(f.getKey()) && !isEmpty(f.getValue())) {
                throw error.apply("Gantry does not support '" + path + f.getKey() + "' yet. Remove it (or "
                        + "leave it empty) to run this task definition on Gantry; see docs/compat for what is "
                        + "supported.");
            }
        }
    }

    private static boolean isEmpty(JsonNode v) {
        return v == null
                || v.isNull()
                || (v.isContainerNode() && v.isEmpty())
                || (v.isBoolean() && !v.asBoolean())
                || (v.isTextual() && v.asText().isEmpty());
    }
}
