package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered task definition revision in ECS's wire shape. Registration fills the ARN, revision, status,
 * compatibilities and timestamps; cpu and memory are normalised to unit strings ("1024", "2048").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskDefinition(
        String taskDefinitionArn,
        String family,
        Integer revision,
        List<ContainerDefinition> containerDefinitions,
        String taskRoleArn,
        String executionRoleArn,
        String networkMode,
        List<String> requiresCompatibilities,
        List<String> compatibilities,
        String cpu,
        String memory,
        String status,
        Map<String, String> runtimePlatform,
        Map<String, Integer> ephemeralStorage,
        List<Volume> volumes,
        List<Object> placementConstraints,
        List<Map<String, String>> requiresAttributes,
        Instant registeredAt,
        Instant deregisteredAt,
        Instant deleteRequestedAt,
        String registeredBy,
        String pidMode,
        String ipcMode) {

    public List<ContainerDefinition> containers() {
        return containerDefinitions == null ? List.of() : containerDefinitions;
    }

    public List<Volume> volumesOrEmpty() {
        return volumes == null ? List.of() : volumes;
    }

    public TaskDefinition registered(
            String arn, int newRevision, String normalisedCpu, String normalisedMemory, Instant at, String by) {
        return new TaskDefinition(
                arn,
                family,
                newRevision,
                containerDefinitions,
                taskRoleArn,
                executionRoleArn,
                networkMode,
                requiresCompatibilities,
                List.of("EC2", "FARGATE"),
                normalisedCpu,
                normalisedMemory,
                TaskDefinitionStatus.ACTIVE.name(),
                runtimePlatform,
                ephemeralStorage,
                volumes,
                placementConstraints,
                List.of(),
                at,
                null,
                null,
                by,
                pidMode,
                ipcMode);
    }

    public TaskDefinition withStatus(TaskDefinitionStatus newStatus, Instant at) {
        Instant dereg = newStatus == TaskDefinitionStatus.INACTIVE ? at : deregisteredAt;
        Instant del = newStatus == TaskDefinitionStatus.DELETE_IN_PROGRESS ? at : deleteRequestedAt;
        return new TaskDefinition(
                taskDefinitionArn,
                family,
                revision,
                containerDefinitions,
                taskRoleArn,
                executionRoleArn,
                networkMode,
                requiresCompatibilities,
                compatibilities,
                cpu,
                memory,
                newStatus.name(),
                runtimePlatform,
                ephemeralStorage,
                volumes,
                placementConstraints,
                requiresAttributes,
                registeredAt,
                dereg,
                del,
                registeredBy,
                pidMode,
                ipcMode);
    }

    /** A copy with task-level cpu and memory replaced (normalised unit strings, or a RunTask override). */
    public TaskDefinition withSize(String newCpu, String newMemory) {
        return new TaskDefinition(
                taskDefinitionArn,
                family,
                revision,
                containerDefinitions,
                taskRoleArn,
                executionRoleArn,
                networkMode,
                requiresCompatibilities,
                compatibilities,
                newCpu,
                newMemory,
                status,
                runtimePlatform,
                ephemeralStorage,
                volumes,
                placementConstraints,
                requiresAttributes,
                registeredAt,
                deregisteredAt,
                deleteRequestedAt,
                registeredBy,
                pidMode,
                ipcMode);
    }

    /** A copy with the task role and execution role replaced (a RunTask override). */
    public TaskDefinition withRoles(String newTaskRoleArn, String newExecutionRoleArn) {
        return new TaskDefinition(
                taskDefinitionArn,
                family,
                revision,
                containerDefinitions,
                newTaskRoleArn,
                newExecutionRoleArn,
                networkMode,
                requiresCompatibilities,
                compatibilities,
                cpu,
                memory,
                status,
                runtimePlatform,
                ephemeralStorage,
                volumes,
                placementConstraints,
                requiresAttributes,
                registeredAt,
                deregisteredAt,
                deleteRequestedAt,
                registeredBy,
                pidMode,
                ipcMode);
    }

    /** A copy with these container definitions (RunTask container overrides applied). */
    public TaskDefinition withContainerDefinitions(List<ContainerDefinition> newContainers) {
        return new TaskDefinition(
                taskDefinitionArn,
                family,
                revision,
                newContainers,
                taskRoleArn,
                executionRoleArn,
                networkMode,
                requiresCompatibilities,
                compatibilities,
                cpu,
                memory,
                status,
                runtimePlatform,
                ephemeralStorage,
                volumes,
                placementConstraints,
                requiresAttributes,
                registeredAt,
                deregisteredAt,
                deleteRequestedAt,
                registeredBy,
                pidMode,
                ipcMode);
    }
}
