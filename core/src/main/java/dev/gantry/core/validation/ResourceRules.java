package dev.gantry.core.validation;

import dev.gantry.core.taskdef.ContainerDefinition;
import java.util.List;

/**
 * Container cpu and memory against the task size. On Fargate neither container value is required; when given,
 * each container's memory is at least Docker's 6 MiB minimum, memoryReservation does not exceed memory, and the
 * containers together reserve no more cpu and memory than the task has. A container reserves its
 * memoryReservation if set, else its memory (as ECS accounts it).
 */
final class ResourceRules {
    static final int MIN_CONTAINER_MEMORY = 6;

    private ResourceRules() {}

    static void validate(List<ContainerDefinition> containers, int taskCpu, int taskMemory) {
        long cpuSum = 0;
        long memorySum = 0;
        for (ContainerDefinition c : containers) {
            container(c, taskMemory);
            cpuSum += c.cpu() == null ? 0 : c.cpu();
            Integer reserved = c.memoryReservation() != null ? c.memoryReservation() : c.memory();
            memorySum += reserved == null ? 0 : reserved;
        }
        if (cpuSum > taskCpu) {
            throw Problems.task("Invalid 'cpu' setting for task. The containers' cpu adds up to " + cpuSum
                    + " units, more than the task's " + taskCpu + "; lower the container cpu values or raise the "
                    + "task cpu.");
        }
        if (memorySum > taskMemory) {
            throw Problems.task("Invalid 'memory' setting for task. The containers reserve " + memorySum + " MiB in "
                    + "total (memoryReservation, or memory where no reservation is set), more than the task's "
                    + taskMemory + " MiB; lower the container values or raise the task memory.");
        }
    }

    private static void container(ContainerDefinition c, int taskMemory) {
        String name = c.name();
        if (c.cpu() != null && c.cpu() < 0) {
            throw Problems.container(name, "'cpu' is " + c.cpu() + "; container cpu units must not be negative.");
        }
        minimum(name, "memory", c.memory());
        minimum(name, "memoryReservation", c.memoryReservation());
        if (c.memory() != null && c.memoryReservation() != null && c.memoryReservation() > c.memory()) {
            throw Problems.container(
                    name,
                    "'memoryReservation' (" + c.memoryReservation() + " MiB) is greater " + "than 'memory' ("
                            + c.memory() + " MiB); the soft limit must not exceed the hard limit.");
        }
        if (c.memory() != null && c.memory() > taskMemory) {
            throw Problems.container(
                    name,
                    "The 'memory' setting for container is greater than for the task: " + c.memory() + " MiB > "
                            + taskMemory + " MiB. Lower the container memory or raise the task memory.");
        }
    }

    private static void minimum(String name, String field, Integer mib) {
        if (mib != null && mib < MIN_CONTAINER_MEMORY) {
            throw Problems.container(
                    name,
                    "'" + field + "' is " + mib + " MiB; the minimum is "
                            + MIN_CONTAINER_MEMORY
                            + " MiB (Docker reserves 6 MiB per container). On Fargate you can also "
                            + "omit it.");
        }
    }
}
