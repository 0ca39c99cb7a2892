package dev.gantry.server;

import dev.gantry.control.task.TaskRuntimes;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.store.ecs.TagStore;
import java.util.Optional;

/**
 * The engine runtime of a task's containers: the value of its cluster's {@value #TAG} tag ({@code runsc} for gVisor,
 * {@code runc} to opt a cluster out), else the server's {@code GANTRY_DEFAULT_RUNTIME}, else the engine's default.
 * ECS clusters have no such setting; a tag is set and read with the ordinary ECS calls (TagResource, CreateCluster's
 * tags) and is seen by the next task to start. Whether the engine has the runtime is the driver's check.
 */
final class ClusterRuntimes implements TaskRuntimes {
    static final String TAG = "gantry:runtime";

    private final TagStore tags;
    private final Optional<String> fallback;

    ClusterRuntimes(TagStore tags, Optional<String> fallback) {
        this.tags = tags;
        this.fallback = fallback;
    }

    @Override
    public Optional<String> runtimeFor(TaskSpec task) {
        return tags.list(task.clusterArn()).stream()
                .filter(t -> TAG.equals(t.key()))
                .map(Tag::value)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .or(() -> fallback);
    }
}
