package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.validation.Names;
import dev.gantry.store.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateCluster, DescribeClusters, ListClusters, DeleteCluster. */
final class ClusterHandlers {
    static final String DEFAULT = "default";
    private final EcsContext ctx;

    ClusterHandlers(EcsContext ctx) {
        this.ctx = ctx;
    }

    JsonNode create(JsonNode in) {
        String name = Input.string(in, "clusterName").orElse(DEFAULT);
        Names.cluster(name);
        List<Tag> tags = Tags.read(in);
        List<Map<String, String>> settings = settings(in);
        Cluster c = ctx.clusters()
                .createOrGet(new Cluster(
                        ctx.arns().cluster(name),
                        name,
                        "ACTIVE",
                        settings,
                        List.of(),
                        ctx.clock().instant()));
        ctx.tags().put(c.clusterArn(), tags);
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("cluster", render(c, true, true));
        return out;
    }

    JsonNode describe(JsonNode in) {
        List<String> names = Input.strings(in, "clusters");
        if (names.isEmpty()) {
            names = List.of(DEFAULT);
        }
        if (names.size() > 100) {
            throw ApiException.invalidParameter("'clusters' can have at most 100 entries.");
        }
        boolean stats = Input.includes(in, "STATISTICS");
        boolean tags = Input.includes(in, "TAGS");
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode clusters = out.putArray("clusters");
        ArrayNode failures = out.putArray("failures");
        for (String ref : names) {
            Optional<Cluster> c =
                    ctx.arns().isLocal(ref) ? ctx.clusters().find(Arns.clusterName(ref)) : Optional.empty();
            if (c.isPresent()) {
                clusters.add(render(c.get(), stats, tags));
            } else {
                failures.addObject()
                        .put("arn", ref.startsWith("arn:") ? ref : ctx.arns().cluster(ref))
                        .put("reason", "MISSING");
            }
        }
        return out;
    }

    JsonNode list(JsonNode in) {
        Input.Paging p = Input.paging(in, 100);
        Page<Cluster> page = ctx.clusters().listActive(p.offset(), p.limit());
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode arns = out.putArray("clusterArns");
        page.items().forEach(c -> arns.add(c.clusterArn()));
        page.nextToken().ifPresent(t -> out.put("nextToken", t));
        return out;
    }

    JsonNode delete(JsonNode in) {
        Cluster c = find(Input.required(in, "cluster"));
        if (ctx.services().countActive(c.clusterName()) > 0) {
            throw new ApiException(
                    ServiceErrors.CLUSTER_CONTAINS_SERVICES,
                    "The Cluster cannot be deleted while Services are active. Delete them with DeleteService first.");
        }
        if (ctx.tasks().countUnfinished(c.clusterName()) > 0) {
            throw new ApiException(
                    ErrorCode.CLUSTER_CONTAINS_TASKS,
                    "The Cluster cannot be deleted while Tasks are active. Stop them with StopTask first.");
        }
        Cluster inactive = c.inactive();
        ctx.clusters().update(inactive);
        ctx.tags().removeAll(c.clusterArn());
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("cluster", render(inactive, false, false));
        return out;
    }

    /** The ACTIVE cluster a request names (absent: the default cluster), or ClusterNotFoundException. */
    Cluster find(String ref) {
        if (!ctx.arns().isLocal(ref)) {
            throw ApiException.clusterNotFound();
        }
        return ctx.clusters()
                .find(Arns.clusterName(ref))
                .filter(Cluster::isActive)
                .orElseThrow(ApiException::clusterNotFound);
    }

    Cluster findOrDefault(Optional<String> ref) {
        return find(ref.orElse(DEFAULT));
    }

    private ObjectNode render(Cluster c, boolean stats, boolean withTags) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("clusterArn", c.clusterArn());
        n.put("clusterName", c.clusterName());
        n.put("status", c.status());
        int[] counts = c.isActive() ? ctx.tasks().countPendingRunning(c.clusterName()) : new int[2];
        n.put("registeredContainerInstancesCount", 0);
        n.put("runningTasksCount", counts[1]);
        n.put("pendingTasksCount", counts[0]);
        int services = c.isActive() ? ctx.services().countActive(c.clusterName()) : 0;
        n.put("activeServicesCount", services);
        ArrayNode st = n.putArray("statistics");
        if (stats) {
            stat(st, "runningFargateTasksCount", counts[1]);
            stat(st, "pendingFargateTasksCount", counts[0]);
            stat(st, "runningEC2TasksCount", 0);
            stat(st, "pendingEC2TasksCount", 0);
            stat(st, "activeFargateServiceCount", services);
            stat(st, "drainingFargateServiceCount", 0);
        }
        if (withTags) {
            n.set("tags", Json.mapper().valueToTree(ctx.tags().list(c.clusterArn())));
        }
        n.set("settings", Json.mapper().valueToTree(c.settings()));
        ArrayNode cps = n.putArray("capacityProviders");
        cps.add("FARGATE").add("FARGATE_SPOT");
        n.putArray("defaultCapacityProviderStrategy");
        return n;
    }

    private static void stat(ArrayNode st, String name, int v) {
        st.addObject().put("name", name).put("value", String.valueOf(v));
    }

    private static List<Map<String, String>> settings(JsonNode in) {
        JsonNode s = in.get("settings");
        if (s == null || s.isNull() || s.isEmpty()) {
            return List.of(Map.of("name", "containerInsights", "value", "disabled"));
        }
        if (!s.isArray()) {
            throw ApiException.invalidParameter("'settings' must be a list of {name, value} objects.");
        }
        for (JsonNode e : s) {
            if (!e.isObject()) {
                throw ApiException.invalidParameter("'settings' must be a list of {name, value} objects.");
            }
            if (!"containerInsights".equals(e.path("name").asText())) {
                throw ApiException.invalidParameter("Unknown cluster setting '"
                        + e.path("name").asText() + "'. The only setting is containerInsights.");
            }
            String v = e.path("value").asText();
            if (!List.of("enabled", "disabled", "enhanced").contains(v)) {
                throw ApiException.invalidParameter("containerInsights must be enabled, disabled or enhanced.");
            }
        }
        return Json.mapper()
                .convertValue(s, Json.mapper().getTypeFactory().constructCollectionType(List.class, Map.class));
    }
}
