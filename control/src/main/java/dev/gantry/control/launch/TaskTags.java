package dev.gantry.control.launch;

import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.tag.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure: the tags a new task gets. */
public final class TaskTags {
    /** ECS's managed tag naming the task's cluster (with {@code enableECSManagedTags}). */
    public static final String MANAGED_CLUSTER_NAME = "aws:ecs:clusterName";
    /** ECS's managed tag naming the service that started the task (group {@code service:NAME}). */
    public static final String MANAGED_SERVICE_NAME = "aws:ecs:serviceName";

    private static final String SERVICE_GROUP = "service:";

    static final String PROPAGATE_FROM_DEFINITION = "TASK_DEFINITION";

    private TaskTags() {}

    /**
     * The definition's tags with {@code propagateTags} TASK_DEFINITION, then the request's (which win on the same
     * key), then ECS's managed {@code aws:ecs:*} tags with {@code enableECSManagedTags} (the cluster's name, and the
     * service's for a task in group {@code service:NAME}).
     */
    public static List<Tag> of(RunTaskRequest request, List<Tag> definitionTags, Cluster cluster) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        if (PROPAGATE_FROM_DEFINITION.equals(request.propagateTags())) {
            definitionTags.forEach(t -> byKey.put(t.key(), t));
        }
        request.tagsOrEmpty().forEach(t -> byKey.put(t.key(), t));
        if (Boolean.TRUE.equals(request.enableECSManagedTags())) {
            byKey.put(MANAGED_CLUSTER_NAME, new Tag(MANAGED_CLUSTER_NAME, cluster.clusterName()));
            if (request.group() != null && request.group().startsWith(SERVICE_GROUP)) {
                String service = request.group().substring(SERVICE_GROUP.length());
                byKey.put(MANAGED_SERVICE_NAME, new Tag(MANAGED_SERVICE_NAME, service));
            }
        }
        return List.copyOf(byKey.values());
    }
}
