package dev.gantry.runtime.docker;

import java.util.Optional;

/**
 * Deterministic engine object names and the labels Gantry puts on them. A name derives from its parent (the task),
 * so a restarted control plane finds what it already created instead of creating it twice.
 */
public final class Names {

    public static final String LABEL_MANAGED = "gantry.managed";
    public static final String LABEL_INSTALLATION = "gantry.installation";
    public static final String LABEL_ROLE = "gantry.role";
    public static final String LABEL_TASK_ID = "gantry.task-id";
    public static final String LABEL_TASK_ARN = "gantry.task-arn";
    public static final String LABEL_CONTAINER_NAME = "gantry.container-name";
    public static final String ROLE_SANDBOX = "sandbox";
    public static final String ROLE_CONTAINER = "container";
    /** A subnet's engine network (labelled with the installation that made it). */
    public static final String ROLE_SUBNET = "subnet";

    public static final String ROLE_TASK_VOLUME = "task-volume";
    public static final String ROLE_PERSISTENT_VOLUME = "persistent-volume";
    public static final String LABEL_FILE_SYSTEM_ID = "gantry.file-system-id";
    public static final String LABEL_VOLUME_PATH = "gantry.volume-path";

    public static final String ECS_CLUSTER = "com.amazonaws.ecs.cluster";
    public static final String ECS_TASK_ARN = "com.amazonaws.ecs.task-arn";
    public static final String ECS_CONTAINER_NAME = "com.amazonaws.ecs.container-name";
    public static final String ECS_FAMILY = "com.amazonaws.ecs.task-definition-family";
    public static final String ECS_VERSION = "com.amazonaws.ecs.task-definition-version";

    private static final String PREFIX = "gantry-";
    private static final String SANDBOX_SUFFIX = "-sandbox";

    private Names() {}

    /** The sandbox a task owns: {@code gantry-<taskId>-sandbox}. */
    public static String sandbox(String taskId) {
        return PREFIX + taskId + SANDBOX_SUFFIX;
    }

    /** A task's container: {@code gantry-<taskId>-<containerName>}. */
    public static String container(String taskId, String containerName) {
        return PREFIX + taskId + "-" + containerName;
    }

    /** A task's scratch volume: {@code gantry-<taskId>-volume-<volumeName>}. */
    public static String taskVolume(String taskId, String volumeName) {
        return PREFIX + taskId + "-volume-" + volumeName;
    }

    /**
     * A persistent volume of this installation: {@code gantry-<installationId>-efs-<fileSystemId>-<slug>}, where the
     * slug is {@code root} for the file system's root and otherwise derives from the path (readable part plus a hash,
     * so distinct paths never share a name).
     */
    public static String persistentVolume(String installationId, String fileSystemId, String path) {
        String base = PREFIX + installationId + "-efs-" + fileSystemId + "-";
        if (path.equals("/")) {
            return base + "root";
        }
        String readable = path.replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("^_+|_+$", "");
        if (readable.length() > 40) {
            readable = readable.substring(0, 40);
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return base + readable + "-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A warm, unclaimed sandbox: {@code gantry-<installationId>-pool-<random>}. */
    public static String poolSandbox(String installationId, String random) {
        return PREFIX + installationId + "-pool-" + random;
    }

    /**
     * A warm sandbox of another installation about to be removed as an orphan: {@code gantry-<installationId>-gone-
     * <random>}. Neither a pool name (its installation does not adopt it) nor a task's sandbox name.
     */
    public static String tombstone(String installationId, String random) {
        return PREFIX + installationId + "-gone-" + random;
    }

    /** Whether {@code name} (with or without Docker's leading slash) is one of this installation's pool sandboxes. */
    public static boolean isPoolSandbox(String installationId, String name) {
        return strip(name).startsWith(PREFIX + installationId + "-pool-");
    }

    /** The task id of a claimed sandbox name, empty for pool sandboxes and foreign names. */
    public static Optional<String> taskIdOfSandbox(String name) {
        String n = strip(name);
        if (!n.startsWith(PREFIX)
                || !n.endsWith(SANDBOX_SUFFIX)
                || n.length() <= PREFIX.length() + SANDBOX_SUFFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(n.substring(PREFIX.length(), n.length() - SANDBOX_SUFFIX.length()));
    }

    /** Docker reports names with a leading slash. */
    static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
