package dev.gantry.runtime.spi;

import java.util.List;
import java.util.Objects;

/**
 * A filesystem mounted into a container. A {@link TaskVolume} is scratch space of one task, shared by those of its
 * containers that mount it and removed with the task's sandbox; a {@link PersistentVolume} outlives tasks and is
 * shared by every task that mounts the same file system id and path; a {@link Tmpfs} is memory-backed and private to
 * the container; a {@link HostFile} is a file the platform itself writes on the host (never a user's path: task
 * definitions cannot name host paths), bound in, e.g. the task's {@code /etc/resolv.conf}.
 */
public sealed interface MountSpec {

    String containerPath();

    /** A task-scoped volume named {@code volume} (the task definition's volume name). */
    record TaskVolume(String volume, String containerPath, boolean readOnly) implements MountSpec {
        public TaskVolume {
            Objects.requireNonNull(volume, "volume");
            absolute(containerPath);
        }
    }

    /**
     * A persistent volume: {@code fileSystemId} (an EFS-style id) and {@code path} within it (the root directory,
     * or an access point's directory) identify it; the same pair is the same data for every task.
     */
    record PersistentVolume(String fileSystemId, String path, String containerPath, boolean readOnly)
            implements MountSpec {
        public PersistentVolume {
            Objects.requireNonNull(fileSystemId, "fileSystemId");
            Objects.requireNonNull(path, "path");
            absolute(containerPath);
        }
    }

    /** A tmpfs of {@code sizeBytes} with mount {@code options} ({@code noexec}, {@code mode=1777}, ...). */
    record Tmpfs(String containerPath, long sizeBytes, List<String> options) implements MountSpec {
        public Tmpfs {
            absolute(containerPath);
            options = List.copyOf(options);
            if (sizeBytes <= 0) {
                throw new IllegalArgumentException("tmpfs size must be positive: " + sizeBytes);
            }
        }
    }

    /**
     * A file Gantry owns on the engine's host ({@code hostPath}, absolute), bound at {@code containerPath}. Only the
     * platform creates these (the resolver configuration every task gets); a task definition's volumes never become
     * one.
     */
    record HostFile(String hostPath, String containerPath, boolean readOnly) implements MountSpec {
        public HostFile {
            if (hostPath == null || !hostPath.startsWith("/")) {
                throw new IllegalArgumentException("hostPath must be absolute: " + hostPath);
            }
            absolute(containerPath);
        }
    }

    private static void absolute(String containerPath) {
        if (containerPath == null || !containerPath.startsWith("/")) {
            throw new IllegalArgumentException("containerPath must be absolute: " + containerPath);
        }
    }
}
