package dev.gantry.runtime.spi;

/**
 * A task's size, as hard limits for the task as a whole (Fargate's task-level cpu and memory): all its containers
 * together stay within them. {@code nanoCpus} is vCPU × 10⁹.
 */
public record TaskResources(long memoryBytes, long nanoCpus) {
    public TaskResources {
        if (memoryBytes <= 0 || nanoCpus <= 0) {
            throw new IllegalArgumentException(
                    "task resources must be positive: " + memoryBytes + " bytes, " + nanoCpus + " nanoCPUs");
        }
    }
}
