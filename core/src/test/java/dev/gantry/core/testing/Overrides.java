package dev.gantry.core.testing;

import dev.gantry.core.run.ContainerOverride;
import dev.gantry.core.run.TaskOverride;
import dev.gantry.core.taskdef.KeyValuePair;
import java.util.ArrayList;
import java.util.List;

/**
 * Builders for RunTask's {@code overrides}, so a test states only the members it overrides:
 * {@code Overrides.task().cpu("1 vCPU").build()}, {@code Overrides.task().containers(container("web").cpu(64))}.
 * Unset members stay absent (null), as on the wire.
 */
public final class Overrides {
    private Overrides() {}

    public static Task task() {
        return new Task();
    }

    public static Container container(String name) {
        return new Container(name);
    }

    /** A task override under construction. */
    public static final class Task {
        private List<ContainerOverride> containers;
        private String cpu;
        private String memory;
        private String taskRoleArn;
        private String executionRoleArn;

        public Task containers(Container... values) {
            containers = new ArrayList<>();
            for (Container c : values) {
                containers.add(c.build());
            }
            return this;
        }

        /** The list as given, for lists a builder cannot make (empty, or with null entries). */
        public Task containerOverrides(List<ContainerOverride> values) {
            containers = values;
            return this;
        }

        public Task cpu(String value) {
            cpu = value;
            return this;
        }

        public Task memory(String value) {
            memory = value;
            return this;
        }

        public Task taskRoleArn(String value) {
            taskRoleArn = value;
            return this;
        }

        public Task executionRoleArn(String value) {
            executionRoleArn = value;
            return this;
        }

        public TaskOverride build() {
            return new TaskOverride(containers, cpu, memory, taskRoleArn, executionRoleArn);
        }
    }

    /** A container override under construction. */
    public static final class Container {
        private final String name;
        private List<String> command;
        private List<KeyValuePair> environment;
        private Integer cpu;
        private Integer memory;
        private Integer memoryReservation;

        Container(String name) {
            this.name = name;
        }

        public Container command(List<String> value) {
            command = value;
            return this;
        }

        public Container command(String... values) {
            return command(List.of(values));
        }

        public Container environment(List<KeyValuePair> value) {
            environment = value;
            return this;
        }

        private List<dev.gantry.core.taskdef.EnvironmentFile> environmentFiles;

        public Container cpu(Integer value) {
            cpu = value;
            return this;
        }

        public Container memory(Integer value) {
            memory = value;
            return this;
        }

        public Container memoryReservation(Integer value) {
            memoryReservation = value;
            return this;
        }

        public Container environmentFiles(dev.gantry.core.taskdef.EnvironmentFile... values) {
            environmentFiles = List.of(values);
            return this;
        }

        public ContainerOverride build() {
            return new ContainerOverride(name, command, environment, cpu, memory, memoryReservation, environmentFiles);
        }
    }
}
