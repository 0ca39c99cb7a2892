package dev.gantry.core.taskdef;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One container of a task definition, in ECS's wire shape. Only the fields Gantry acts on are components;
 * the API edge rejects any other non-empty field with a message naming it, so nothing is silently ignored.
 * Fields are nullable because absence is meaningful on the wire; the {@code *OrDefault} methods give ECS's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerDefinition(
        String name,
        String image,
        Integer cpu,
        Integer memory,
        Integer memoryReservation,
        List<PortMapping> portMappings,
        Boolean essential,
        List<String> entryPoint,
        List<String> command,
        List<KeyValuePair> environment,
        String workingDirectory,
        String user,
        List<ContainerDependency> dependsOn,
        HealthCheck healthCheck,
        Integer startTimeout,
        Integer stopTimeout,
        List<Ulimit> ulimits,
        Boolean readonlyRootFilesystem,
        Map<String, String> dockerLabels,
        LogConfiguration logConfiguration,
        Boolean interactive,
        Boolean pseudoTerminal,
        List<MountPoint> mountPoints,
        List<VolumeFrom> volumesFrom,
        List<Secret> secrets,
        List<EnvironmentFile> environmentFiles,
        RepositoryCredentials repositoryCredentials,
        Boolean privileged,
        LinuxParameters linuxParameters,
        List<String> dockerSecurityOptions) {

    public boolean essentialOrDefault() {
        return essential == null || essential;
    }

    public int stopTimeoutOrDefault() {
        return stopTimeout == null ? 30 : stopTimeout;
    }

    public List<PortMapping> portMappingsOrEmpty() {
        return portMappings == null ? List.of() : portMappings;
    }

    public List<ContainerDependency> dependsOnOrEmpty() {
        return dependsOn == null ? List.of() : dependsOn;
    }

    public List<MountPoint> mountPointsOrEmpty() {
        return mountPoints == null ? List.of() : mountPoints;
    }

    public List<VolumeFrom> volumesFromOrEmpty() {
        return volumesFrom == null ? List.of() : volumesFrom;
    }

    public List<KeyValuePair> environmentOrEmpty() {
        return environment == null ? List.of() : environment;
    }

    public List<Secret> secretsOrEmpty() {
        return secrets == null ? List.of() : secrets;
    }

    public List<EnvironmentFile> environmentFilesOrEmpty() {
        return environmentFiles == null ? List.of() : environmentFiles;
    }

    /** A copy with {@code files} as its environment files (a RunTask container override's). */
    public ContainerDefinition withEnvironmentFiles(List<EnvironmentFile> files) {
        return new ContainerDefinition(
                name,
                image,
                cpu,
                memory,
                memoryReservation,
                portMappings,
                essential,
                entryPoint,
                command,
                environment,
                workingDirectory,
                user,
                dependsOn,
                healthCheck,
                startTimeout,
                stopTimeout,
                ulimits,
                readonlyRootFilesystem,
                dockerLabels,
                logConfiguration,
                interactive,
                pseudoTerminal,
                mountPoints,
                volumesFrom,
                secrets,
                files,
                repositoryCredentials,
                privileged,
                linuxParameters,
                dockerSecurityOptions);
    }

    /** A copy with the fields a RunTask container override may replace. */
    public ContainerDefinition withOverrides(
            List<String> newCommand,
            List<KeyValuePair> newEnvironment,
            Integer newCpu,
            Integer newMemory,
            Integer newMemoryReservation) {
        return new ContainerDefinition(
                name,
                image,
                newCpu,
                newMemory,
                newMemoryReservation,
                portMappings,
                essential,
                entryPoint,
                newCommand,
                newEnvironment,
                workingDirectory,
                user,
                dependsOn,
                healthCheck,
                startTimeout,
                stopTimeout,
                ulimits,
                readonlyRootFilesystem,
                dockerLabels,
                logConfiguration,
                interactive,
                pseudoTerminal,
                mountPoints,
                volumesFrom,
                secrets,
                environmentFiles,
                repositoryCredentials,
                privileged,
                linuxParameters,
                dockerSecurityOptions);
    }
}
