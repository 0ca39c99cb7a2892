package dev.gantry.core.cluster;

import dev.gantry.core.tag.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An ECS cluster. {@code status} is ACTIVE or INACTIVE (after DeleteCluster). */
public record Cluster(
        String clusterArn,
        String clusterName,
        String status,
        List<Map<String, String>> settings,
        List<Tag> tags,
        Instant createdAt) {

    public Cluster {
        settings = settings == null ? List.of() : List.copyOf(settings);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public Cluster inactive() {
        return new Cluster(clusterArn, clusterName, "INACTIVE", settings, tags, createdAt);
    }
}
