package dev.gantry.control.task;

import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.EfsVolumeConfiguration;
import dev.gantry.core.taskdef.KernelCapabilities;
import dev.gantry.core.taskdef.LinuxParameters;
import dev.gantry.core.taskdef.MountPoint;
import dev.gantry.core.taskdef.Volume;
import dev.gantry.core.taskdef.VolumeFrom;
import dev.gantry.runtime.spi.Isolation;
import dev.gantry.runtime.spi.MountSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure: what a container definition asks of the sandbox, as the driver's {@link Isolation} and {@link MountSpec}s.
 * Capabilities are Fargate's default set minus {@code linuxParameters.capabilities.drop} ({@code ALL} drops all)
 * plus {@code add} (validation allows only SYS_PTRACE); no-new-privileges always; {@code initProcessEnabled};
 * {@code pidMode: task} shares the sandbox's process namespace. Mounts: the container's own mount points, then
 * those of the containers it takes {@code volumesFrom} (transitively; read-only when either says so; its own win on
 * a path), then its tmpfs mounts. An EFS volume is persistent, keyed by file system id and the root directory, or
 * {@value #ACCESS_POINTS}{@code <id>} for an access point; any other volume is the task's scratch volume.
 */
public final class Sandboxing {
    /** Where an access point's data lives inside its file system's persistent volume key space. */
    static final String ACCESS_POINTS = "/.access-points/";

    private static final long MIB = 1024L * 1024L;

    private Sandboxing() {}

    public static Isolation isolation(TaskSpec task, ContainerDefinition c, Optional<String> runtime) {
        LinuxParameters p = c.linuxParameters();
        KernelCapabilities caps =
                p == null || p.capabilities() == null ? new KernelCapabilities(null, null) : p.capabilities();
        Set<String> held = new TreeSet<>(Isolation.DEFAULT_CAPABILITIES);
        if (caps.dropOrEmpty().contains("ALL")) {
            held.clear();
        } else {
            caps.dropOrEmpty().forEach(held::remove);
        }
        held.addAll(caps.addOrEmpty());
        boolean init = p != null && p.initProcessEnabledOrDefault();
        boolean sharePid = "task".equals(task.taskDefinition().pidMode());
        return new Isolation(held, true, init, sharePid, runtime);
    }

    public static List<MountSpec> mounts(TaskSpec task, ContainerDefinition c) {
        Map<String, MountSpec> byPath = new LinkedHashMap<>();
        volumeMounts(task, c, false, new HashSet<>(), byPath);
        LinuxParameters p = c.linuxParameters();
        if (p != null) {
            p.tmpfsOrEmpty()
                    .forEach(t -> byPath.putIfAbsent(
                            t.containerPath(),
                            new MountSpec.Tmpfs(t.containerPath(), t.size() * MIB, t.mountOptionsOrEmpty())));
        }
        return new ArrayList<>(byPath.values());
    }

    private static void volumeMounts(
            TaskSpec task, ContainerDefinition c, boolean readOnly, Set<String> visited, Map<String, MountSpec> out) {
        if (!visited.add(c.name())) {
            return;
        }
        for (MountPoint m : c.mountPointsOrEmpty()) {
            boolean ro = readOnly || m.readOnlyOrDefault();
            out.putIfAbsent(m.containerPath(), mount(task, m.sourceVolume(), m.containerPath(), ro));
        }
        for (VolumeFrom from : c.volumesFromOrEmpty()) {
            task.container(from.sourceContainer())
                    .ifPresent(
                            source -> volumeMounts(task, source, readOnly || from.readOnlyOrDefault(), visited, out));
        }
    }

    private static MountSpec mount(TaskSpec task, String volumeName, String containerPath, boolean readOnly) {
        Optional<EfsVolumeConfiguration> efs = task.taskDefinition().volumesOrEmpty().stream()
                .filter(v -> v.name().equals(volumeName))
                .findFirst()
                .map(Volume::efsVolumeConfiguration);
        if (efs.isPresent()) {
            EfsVolumeConfiguration e = efs.get();
            return new MountSpec.PersistentVolume(e.fileSystemId(), path(e), containerPath, readOnly);
        }
        return new MountSpec.TaskVolume(volumeName, containerPath, readOnly);
    }

    /** The key of an EFS volume within its file system: the access point's directory, else the root directory. */
    static String path(EfsVolumeConfiguration e) {
        if (e.accessPointId().isPresent()) {
            return ACCESS_POINTS + e.accessPointId().get();
        }
        String root = e.rootDirectoryOrDefault().replaceAll("/+", "/");
        return root.length() > 1 && root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }
}
