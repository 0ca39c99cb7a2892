package dev.gantry.core.validation;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.EfsVolumeConfiguration;
import dev.gantry.core.taskdef.MountPoint;
import dev.gantry.core.taskdef.Volume;
import dev.gantry.core.taskdef.VolumeFrom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Task {@code volumes}, container {@code mountPoints} and {@code volumesFrom}. A volume is task-scoped scratch space
 * (no configuration, {@code host} without a source path, or {@code dockerVolumeConfiguration} of scope task) or an
 * EFS-shaped persistent volume; host paths, shared Docker volumes and volumes configured at launch are refused as
 * Fargate refuses them. Mount points must name a task volume; {@code volumesFrom} another container, without cycles.
 */
final class VolumeRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern FILE_SYSTEM_ID = Pattern.compile("fs-[0-9a-zA-Z]{1,40}");
    private static final Pattern ACCESS_POINT_ID = Pattern.compile("fsap-[0-9a-zA-Z]{1,40}");
    static final String HOST_PATH = SandboxRules.FARGATE + "host volumes with a 'sourcePath'.";

    private VolumeRules() {}

    static void validate(List<Volume> volumes, List<ContainerDefinition> containers) {
        Set<String> names = new HashSet<>();
        for (Volume v : volumes) {
            volume(v);
            if (!names.add(v.name())) {
                throw Problems.task("Duplicate volume name '" + v.name() + "': volume names must be unique within a "
                        + "task definition.");
            }
        }
        Set<String> containerNames = new HashSet<>();
        containers.forEach(c -> containerNames.add(c.name()));
        for (ContainerDefinition c : containers) {
            mountPoints(c, names);
            volumesFrom(c, containerNames);
        }
        noCycles(containers);
    }

    private static void volume(Volume v) {
        if (v == null || v.name() == null || !NAME.matcher(v.name()).matches()) {
            throw Problems.task("Invalid volume name '" + (v == null ? null : v.name()) + "'. Up to 255 letters "
                    + "(uppercase and lowercase), numbers, underscores, and hyphens are allowed.");
        }
        String name = v.name();
        if (v.host() != null
                && v.host().get("sourcePath") != null
                && !v.host().get("sourcePath").toString().isEmpty()) {
            throw Problems.task(HOST_PATH + " Remove host.sourcePath from volume '" + name + "' to get a task-scoped "
                    + "volume the task's containers share, or use efsVolumeConfiguration for data that outlives "
                    + "the task.");
        }
        if (Boolean.TRUE.equals(v.configuredAtLaunch())) {
            throw Problems.task("Gantry does not support volumes configured at launch (EBS) yet: remove "
                    + "'configuredAtLaunch' from volume '" + name + "', or use efsVolumeConfiguration.");
        }
        int kinds = (v.host() != null ? 1 : 0)
                + (v.dockerVolumeConfiguration() != null ? 1 : 0)
                + (v.efsVolumeConfiguration() != null ? 1 : 0);
        if (kinds > 1) {
            throw Problems.task("Volume '" + name + "' has more than one configuration: give it at most one of "
                    + "host, dockerVolumeConfiguration and efsVolumeConfiguration.");
        }
        if (v.dockerVolumeConfiguration() != null) {
            dockerVolume(name, v.dockerVolumeConfiguration());
        }
        if (v.efsVolumeConfiguration() != null) {
            efs(name, v.efsVolumeConfiguration());
        }
    }

    private static void dockerVolume(String name, Map<String, Object> config) {
        Object scope = config.getOrDefault("scope", "task");
        if (!"task".equals(scope)) {
            throw Problems.task(SandboxRules.FARGATE + "Docker volumes of scope '" + scope + "': volume '" + name
                    + "' must use scope 'task' (removed with the task), or efsVolumeConfiguration for data that "
                    + "outlives the task.");
        }
        Object driver = config.getOrDefault("driver", "local");
        if (!"local".equals(driver)) {
            throw Problems.task("Volume '" + name + "' asks for the Docker volume driver '" + driver + "'; Gantry "
                    + "supports only 'local' (or omit the driver).");
        }
    }

    private static void efs(String name, EfsVolumeConfiguration efs) {
        if (efs.fileSystemId() == null
                || !FILE_SYSTEM_ID.matcher(efs.fileSystemId()).matches()) {
            throw Problems.task("Volume '" + name + "': efsVolumeConfiguration.fileSystemId is required and must "
                    + "look like 'fs-0123456789abcdef0' (got '" + efs.fileSystemId() + "').");
        }
        String root = efs.rootDirectoryOrDefault();
        if (!root.startsWith("/") || List.of(root.split("/")).contains("..")) {
            throw Problems.task("Volume '" + name + "': efsVolumeConfiguration.rootDirectory must be an absolute "
                    + "path without '..' (got '" + root + "').");
        }
        String transit = efs.transitEncryption() == null ? "DISABLED" : efs.transitEncryption();
        if (!transit.equals("ENABLED") && !transit.equals("DISABLED")) {
            throw Problems.task("Volume '" + name + "': transitEncryption must be ENABLED or DISABLED.");
        }
        Map<String, String> auth = efs.authorizationConfig() == null ? Map.of() : efs.authorizationConfig();
        String iam = auth.getOrDefault("iam", "DISABLED");
        if (!iam.equals("ENABLED") && !iam.equals("DISABLED")) {
            throw Problems.task("Volume '" + name + "': authorizationConfig.iam must be ENABLED or DISABLED.");
        }
        if (efs.accessPointId().isPresent()) {
            if (!ACCESS_POINT_ID.matcher(efs.accessPointId().get()).matches()) {
                throw Problems.task("Volume '" + name + "': authorizationConfig.accessPointId must look like "
                        + "'fsap-0123456789abcdef0'.");
            }
            if (!root.equals("/")) {
                throw Problems.task("Volume '" + name + "': when an access point is used, rootDirectory must be "
                        + "omitted or set to '/' (the access point sets the directory).");
            }
        }
        if ((efs.accessPointId().isPresent() || iam.equals("ENABLED")) && !transit.equals("ENABLED")) {
            throw Problems.task("Volume '" + name + "': transit encryption must be ENABLED when an access point or "
                    + "IAM authorization is used; set efsVolumeConfiguration.transitEncryption to ENABLED.");
        }
    }

    private static void mountPoints(ContainerDefinition c, Set<String> volumes) {
        Set<String> paths = new HashSet<>();
        for (MountPoint m : c.mountPointsOrEmpty()) {
            if (m == null || m.sourceVolume() == null || !volumes.contains(m.sourceVolume())) {
                throw Problems.container(
                        c.name(),
                        "Mount point source volume '" + (m == null ? null : m.sourceVolume())
                                + "' is not defined: add it to the task definition's 'volumes' or fix 'sourceVolume'.");
            }
            if (m.containerPath() == null || !m.containerPath().startsWith("/")) {
                throw Problems.container(
                        c.name(),
                        "Mount point of volume '" + m.sourceVolume() + "' needs an " + "absolute 'containerPath'.");
            }
            if (!paths.add(m.containerPath())) {
                throw Problems.container(
                        c.name(), "More than one mount point uses containerPath '" + m.containerPath() + "'.");
            }
        }
    }

    private static void volumesFrom(ContainerDefinition c, Set<String> containers) {
        for (VolumeFrom v : c.volumesFromOrEmpty()) {
            if (v == null || v.sourceContainer() == null || !containers.contains(v.sourceContainer())) {
                throw Problems.container(
                        c.name(),
                        "volumesFrom names container '" + (v == null ? null : v.sourceContainer())
                                + "', which is not in this task definition.");
            }
            if (v.sourceContainer().equals(c.name())) {
                throw Problems.container(c.name(), "A container cannot take volumesFrom itself.");
            }
        }
    }

    private static void noCycles(List<ContainerDefinition> containers) {
        Map<String, List<String>> from = new HashMap<>();
        containers.forEach(c -> from.put(
                c.name(),
                c.volumesFromOrEmpty().stream().map(VolumeFrom::sourceContainer).toList()));
        for (String start : from.keySet()) {
            Set<String> seen = new HashSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(from.get(start));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (next.equals(start)) {
                    throw Problems.task("volumesFrom forms a cycle through container '" + start + "': remove one of "
                            + "the volumesFrom entries.");
                }
                if (seen.add(next)) {
                    todo.addAll(from.getOrDefault(next, List.of()));
                }
            }
        }
    }
}
