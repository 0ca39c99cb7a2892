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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mutable builders for valid Fargate task definitions, so a table row can change one field:
 * {@code t -> t.container(0).image = "Nginx"}. Defaults pass validation.
 */
public final class TaskDefs {
    private TaskDefs() {}

    public static Task task() {
        return new Task();
    }

    public static LogConfiguration awslogs() {
        return new LogConfiguration("awslogs", Map.of("awslogs-group", "/ecs/app", "awslogs-region", "us-east-1",
                "awslogs-stream-prefix", "app"));
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
        return new ContainerDependency(containerName, condition == null ? null : DependencyCondition.valueOf(condition));
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
        public List<Object> volumes;
        public List<Object> placementConstraints;
        public String taskRoleArn;
        public String executionRoleArn;
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

        public TaskDefinition build() {
            List<ContainerDefinition> defs = rawContainers;
            if (defs == null && !nullContainers) {
                defs = containers.stream().map(Container::build).toList();
            }
            return new TaskDefinition(null, family, null, defs, taskRoleArn, executionRoleArn, networkMode,
                    requiresCompatibilities, null, cpu, memory, null, null, null, volumes, placementConstraints,
                    null, null, null, null, null);
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
        public List<Object> mountPoints;
        public List<Object> volumesFrom;

        public Container(String name) {
            this.name = name;
        }

        public ContainerDefinition build() {
            return new ContainerDefinition(name, image, cpu, memory, memoryReservation, portMappings, essential, null,
                    command, environment, null, null, dependsOn, healthCheck, startTimeout, stopTimeout, ulimits,
                    null, null, logConfiguration, null, null, mountPoints, volumesFrom);
        }
    }
}
