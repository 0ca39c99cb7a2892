package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import dev.gantry.runtime.spi.TaskResources;
import java.util.Optional;

/**
 * One cgroup per task, as Fargate has: the sandbox container's cgroup carries the task's cpu and memory limits and
 * the task's containers are created under it, so together they cannot exceed the task's size.
 *
 * <p>Possible only through the engine API where a container's cgroup may have children: Docker with the
 * {@code cgroupfs} driver on cgroup v1 (a container's cgroup is {@code <parent>/<id>}). On cgroup v2 a cgroup with
 * processes cannot delegate controllers to children, the systemd driver only nests under slices, and Podman names
 * cgroups differently; there each container carries the task's limits itself and the task as a whole is not
 * capped. docs/adr/0004-one-cgroup-per-task.md has the reasoning.
 */
record TaskCgroups(boolean nested) {
    /** The cgroup parent of every sandbox when nesting: a Gantry-owned subtree, whatever the daemon's default. */
    static final String PARENT = "/gantry";

    static final long CPU_PERIOD_MICROS = 100_000;

    static TaskCgroups detect(Info info, Version version) {
        boolean podman = version.getComponents() != null
                && version.getComponents().stream()
                        .anyMatch(c ->
                                c.getName() != null && c.getName().toLowerCase().contains("podman"));
        return new TaskCgroups(
                !podman && "cgroupfs".equals(info.getCGroupDriver()) && "1".equals(info.getCGroupVersion()));
    }

    /**
     * The cgroup a task's containers go under: the sandbox's own, if it was created in Gantry's subtree (a sandbox
     * made by an older Gantry, or while nesting was impossible, has none).
     */
    Optional<String> taskCgroup(String sandboxId, HostConfig sandbox) {
        String parent = sandbox == null ? null : sandbox.getCgroupParent();
        return nested && PARENT.equals(parent) ? Optional.of(PARENT + "/" + sandboxId) : Optional.empty();
    }

    /** A new sandbox's host config: in Gantry's subtree and, when known, already of the size it will be claimed at. */
    HostConfig sandboxHostConfig(HostConfig base, Optional<TaskResources> size) {
        if (!nested) {
            return base;
        }
        base.withCgroupParent(PARENT);
        size.ifPresent(r -> base.withMemory(r.memoryBytes())
                .withMemorySwap(r.memoryBytes())
                .withCpuPeriod(CPU_PERIOD_MICROS)
                .withCpuQuota((long) quota(r)));
        return base;
    }

    /**
     * Whether the sandbox's cgroup already has the task's limits. Swap is compared only where the engine accounts
     * for it (without swap accounting Docker reports the swap limit as -1, whatever was asked).
     */
    static boolean hasSize(HostConfig h, TaskResources r) {
        if (h == null) {
            return false;
        }
        Long swap = h.getMemorySwap();
        boolean swapOk = swap != null && (swap == r.memoryBytes() || swap == -1);
        return Long.valueOf(r.memoryBytes()).equals(h.getMemory())
                && swapOk
                && Long.valueOf(CPU_PERIOD_MICROS).equals(h.getCpuPeriod())
                && Long.valueOf(quota(r)).equals(h.getCpuQuota());
    }

    /** Sets the task's limits on its sandbox's cgroup (idempotent). */
    void resize(DockerClient docker, String sandboxId, TaskResources r) {
        docker.updateContainerCmd(sandboxId)
                .withMemory(r.memoryBytes())
                .withMemorySwap(r.memoryBytes())
                .withCpuPeriod((int) CPU_PERIOD_MICROS)
                .withCpuQuota(quota(r))
                .exec();
    }

    /** CFS quota per 100 ms period for the task's vCPUs (at least 1 ms, the kernel's minimum). */
    static int quota(TaskResources r) {
        return Math.toIntExact(Math.max(1_000, r.nanoCpus() / (1_000_000_000L / CPU_PERIOD_MICROS)));
    }
}
