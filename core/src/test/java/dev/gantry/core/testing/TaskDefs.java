package dev.gantry.core.testing;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.ContainerDependency;
import dev.gantry.core.taskdef.DependencyCondition;
import dev.gantry.core.taskdef.HealthCheck;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.taskdef.LogConfiguration;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.Ulimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builders for valid Fargate task definitions, so a test states only what matters to it. Table rows change one
 * public field ({@code t -> t.container(0).image = "Nginx"}); other tests chain
 * ({@code TaskDefs.task().family("fam").containers(TaskDefs.container("main").image("ok:1")).registered(arn, 1, at)}).
 * Defaults pass validation. Shared with other modules' tests through gantry-core's test-jar.
 */
public final class TaskDefs {
    private TaskDefs() {}

    public static Task task() {
        return new Task();
    }

    /** A container named {@code name} with the default image; chain to change it, {@link Container#build()} to use. */
    public static Container container(String name) {
        return new Container(name);
    }

    public static LogConfiguration awslogs() {
        return new LogConfiguration(
                "awslogs",
                Map.of("awslogs-group", "/ecs/app", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "app"));
    }

    public static HealthCheck healthCheck() {
        return new HealthCheck(List.of("CMD-SHELL", "true"), null, null, null, null);
    }

    public static PortMapping port(int containerPort) {
        return new PortMapping(containerPort, null, null, null, null);
    }

    public static KeyValuePair env(String name, String value) {
        return new KeyValuePair(name, value);
    }

    /** {@code condition} by its wire name; null stays null (to test a missing condition). */
    public static ContainerDependency dependsOn(String containerName, String condition) {
        return new ContainerDependency(
                containerName, condition == null ? null : DependencyCondition.valueOf(condition));
    }

    public static Ulimit ulimit(String name, Integer soft, Integer hard) {
        return new Ulimit(name, soft, hard);
    }

    /** A task definition under construction; public fields on purpose. */
    public static final class Task {
        public String family = "app";
        public String networkMode = "awsvpc";
        public String cpu = "256";
        public String memory = "512";
        public List<String> requiresCompatibilities = List.of("FARGATE");
        public List<dev.gantry.core.taskdef.Volume> volumes;
        public List<Object> placementConstraints;
        public String pidMode;
        public String ipcMode;
        public String taskRoleArn;
        public String executionRoleArn;
        /** Set by {@link #registered}: what RegisterTaskDefinition fills in. */
        public String taskDefinitionArn;

        public Integer revision;
        public String status;
        public Instant registeredAt;
        public List<Container> containers = new ArrayList<>(List.of(new Container("web")));
        /** When set, replaces the built container list (to test null/empty lists and null entries). */
        public List<ContainerDefinition> rawContainers;

        public boolean nullContainers;

        public Container container(int index) {
            return containers.get(index);
        }

        public Container add(String name) {
            Container c = new Container(name);
            containers.add(c);
            return c;
        }

        public Task family(String value) {
            family = value;
            return this;
        }

        /** Replaces the containers (the default is one "web" container). */
        public Task containers(Container... values) {
            containers = new ArrayList<>(List.of(values));
            return this;
        }

        /** As a registered, ACTIVE revision. */
        public Task registered(String arn, int rev, Instant at) {
            taskDefinitionArn = arn;
            revision = rev;
            status = "ACTIVE";
            registeredAt = at;
            return this;
        }

        public TaskDefinition build() {
            List<ContainerDefinition> defs = rawContainers;
            if (defs == null && !nullContainers) {
                defs = containers.stream().map(Container::build).toList();
            }
            return new TaskDefinition(
                    taskDefinitionArn,
                    family,
                    revision,
                    defs,
                    taskRoleArn,
                    executionRoleArn,
                    networkMode,
                    requiresCompatibilities,
                    null,
                    cpu,
                    memory,
                    status,
                    null,
                    null,
                    volumes,
                    placementConstraints,
                    null,
                    registeredAt,
                    null,
                    null,
                    null,
                    pidMode,
                    ipcMode);
        }
    }

    /** A container definition under construction; public fields on purpose. */
    public static final class Container {
        public String name;
        public String image = "nginx:1.27";
        public Integer cpu;
        public Integer memory;
        public Integer memoryReservation;
        public List<PortMapping> portMappings;
        public Boolean essential;
        public List<String> command;
        public List<KeyValuePair> environment;
        public List<ContainerDependency> dependsOn;
        public HealthCheck healthCheck;
        public Integer startTimeout;
        public Integer stopTimeout;
        public List<Ulimit> ulimits;
        public LogConfiguration logConfiguration;
        public List<dev.gantry.core.taskdef.MountPoint> mountPoints;
        public List<dev.gantry.core.taskdef.VolumeFrom> volumesFrom;
        public List<dev.gantry.core.taskdef.Secret> secrets;
        public List<dev.gantry.core.taskdef.EnvironmentFile> environmentFiles;
        public dev.gantry.core.taskdef.RepositoryCredentials repositoryCredentials;
        public Boolean privileged;
        public dev.gantry.core.taskdef.LinuxParameters linuxParameters;
        public List<String> dockerSecurityOptions;
        public Boolean readonlyRootFilesystem;

        public Container(String name) {
            this.name = name;
        }

        public Container image(String value) {
            image = value;
            return this;
        }

        public Container essential(boolean value) {
            essential = value;
            return this;
        }

        public Container command(String... values) {
            command = List.of(values);
            return this;
        }

        public Container stopTimeout(int seconds) {
            stopTimeout = seconds;
            return this;
        }

        public Container logConfiguration(LogConfiguration value) {
            logConfiguration = value;
            return this;
        }

        public ContainerDefinition build() {
            return new ContainerDefinition(
                    name,
                    image,
                    cpu,
                    memory,
                    memoryReservation,
                    portMappings,
                    essential,
                    null,
                    command,
                    environment,
                    null,
                    null,
                    dependsOn,
                    healthCheck,
                    startTimeout,
                    stopTimeout,
                    ulimits,
                    readonlyRootFilesystem,
                    null,
                    logConfiguration,
                    null,
                    null,
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
}
