package dev.gantry.core.validation;

import dev.gantry.core.tag.Tag;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.TaskDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a RegisterTaskDefinition request as Fargate would, since Gantry runs every task as a Fargate task
 * whatever {@code requiresCompatibilities} says: awsvpc networking and a Fargate task size are required.
 *
 * <p>Rules run in this order and the first failure is thrown: family; container count; compatibilities;
 * network mode; task cpu and memory; pidMode and ipcMode ({@link SandboxRules}); placement constraints; each
 * container on its own ({@link ContainerRules}, {@link SandboxRules}); container name uniqueness; volumes, mount
 * points and volumesFrom ({@link VolumeRules}); an essential container; container cpu/memory against
 * the task ({@link ResourceRules}); ports across the task ({@link PortMappingRules}); {@code dependsOn}
 * ({@link DependencyRules}).
 */
public final class TaskDefinitionValidator {
    public static final int MAX_CONTAINERS = 10;
    public static final List<String> COMPATIBILITIES = List.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");
    static final String AWSVPC_ONLY = "Fargate only supports network mode \u2018awsvpc\u2019.";
    static final String CPU_REQUIRED = "Fargate requires that 'cpu' be defined at the task level.";
    static final String MEMORY_REQUIRED = "Fargate requires that 'memory' be defined at the task level.";

    private TaskDefinitionValidator() {}

    /**
     * Checks one {@code dependsOn} condition as the client spelled it, before the request is bound to records:
     * an unknown name is a ClientException naming the container, the target and the accepted conditions.
     */
    public static void checkDependsOnCondition(String containerName, String target, String condition) {
        DependencyRules.conditionName(containerName, target, condition);
    }

    /**
     * Checks {@code definition} and returns a copy whose task {@code cpu} and {@code memory} are normalised to
     * unit strings ({@code "1 vCPU"} becomes {@code "1024"}, {@code "2 GB"} becomes {@code "2048"}).
     */
    public static TaskDefinition validateAndNormalize(TaskDefinition definition) {
        Names.family(definition.family());
        containerCount(definition.containerDefinitions());
        compatibilities(definition.requiresCompatibilities());
        PlatformRules.validate(
                definition.runtimePlatform(), definition.ephemeralStorage(), PlatformRules.hostArchitecture());
        networkMode(definition.networkMode());
        FargateSizes.Size size = size(definition);
        SandboxRules.task(definition.pidMode(), definition.ipcMode());
        if (definition.placementConstraints() != null
                && !definition.placementConstraints().isEmpty()) {
            throw Problems.task("Fargate does not support task placement constraints: remove "
                    + "'placementConstraints' from the task definition.");
        }
        List<ContainerDefinition> containers = definition.containerDefinitions();
        for (int i = 0; i < containers.size(); i++) {
            ContainerRules.validate(containers.get(i), i + 1);
        }
        uniqueNames(containers);
        VolumeRules.validate(definition.volumesOrEmpty(), containers);
        InjectionRules.executionRole(containers, definition.executionRoleArn());
        if (containers.stream().noneMatch(ContainerDefinition::essentialOrDefault)) {
            throw Problems.task("Task definition must have at least one essential container: set \"essential\": "
                    + "true (the default) on the container whose exit should stop the task.");
        }
        ResourceRules.validate(containers, size.cpuUnits(), size.memoryMiB());
        PortMappingRules.validateAcrossTask(containers);
        DependencyRules.validate(containers);
        return definition.withSize(size.cpu(), size.memory());
    }

    /** As {@link #validateAndNormalize(TaskDefinition)}, then checks the request's tags ({@link TagValidator}). */
    public static TaskDefinition validateAndNormalize(TaskDefinition definition, List<Tag> tags) {
        TaskDefinition normalized = validateAndNormalize(definition);
        TagValidator.validate(tags);
        return normalized;
    }

    /**
     * Checks only the task size and the containers' cpu and memory against it, and returns the definition with
     * a normalised size: for a definition that passed registration and then had RunTask overrides applied.
     */
    public static TaskDefinition validateResources(TaskDefinition definition) {
        FargateSizes.Size size = size(definition);
        ResourceRules.validate(definition.containers(), size.cpuUnits(), size.memoryMiB());
        return definition.withSize(size.cpu(), size.memory());
    }

    private static void containerCount(List<ContainerDefinition> containers) {
        if (containers == null || containers.isEmpty()) {
            throw Problems.task("Container list cannot be empty: 'containerDefinitions' needs at least one "
                    + "container with a 'name' and an 'image'.");
        }
        if (containers.size() > MAX_CONTAINERS) {
            throw Problems.task("Too many containers: a task definition can have at most " + MAX_CONTAINERS
                    + " container definitions, but " + containers.size() + " were given.");
        }
    }

    private static void compatibilities(List<String> requires) {
        if (requires == null) {
            return;
        }
        for (String c : requires) {
            if (!COMPATIBILITIES.contains(c)) {
                throw Problems.task("Invalid requiresCompatibilities value '" + c + "'. Valid values: "
                        + String.join(", ", COMPATIBILITIES) + " (Gantry runs every task as FARGATE).");
            }
        }
    }

    private static void networkMode(String mode) {
        if ("awsvpc".equals(mode)) {
            return;
        }
        String given = mode == null ? "networkMode was omitted, which means 'bridge'" : "networkMode is '" + mode + "'";
        throw Problems.task(AWSVPC_ONLY + " Gantry runs every task on Fargate, so set \"networkMode\": \"awsvpc\" ("
                + given + ").");
    }

    private static FargateSizes.Size size(TaskDefinition definition) {
        if (definition.cpu() == null || definition.cpu().isBlank()) {
            throw Problems.task(CPU_REQUIRED + " Set the task's \"cpu\", for example \"256\" or \"1 vCPU\"; "
                    + "Fargate supports " + FargateSizes.cpuUnits() + " CPU units.");
        }
        if (definition.memory() == null || definition.memory().isBlank()) {
            throw Problems.task(MEMORY_REQUIRED + " Set the task's \"memory\", for example \"512\" or \"2 GB\", "
                    + "within the range Fargate allows for the task cpu.");
        }
        return FargateSizes.normalize(definition.cpu(), definition.memory());
    }

    private static void uniqueNames(List<ContainerDefinition> containers) {
        Set<String> names = new HashSet<>();
        for (ContainerDefinition c : containers) {
            if (!names.add(c.name())) {
                throw Problems.task("Duplicate container name '" + c.name() + "': container names must be unique "
                        + "within a task definition.");
            }
        }
    }
}
