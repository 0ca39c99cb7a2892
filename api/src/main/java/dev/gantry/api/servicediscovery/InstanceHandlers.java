package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.discovery.CloudMap;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.CloudMapMessages;
import dev.gantry.core.servicediscovery.Discovery;
import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.Instance;
import dev.gantry.core.servicediscovery.Namespace;
import java.util.List;
import java.util.Map;

/**
 * RegisterInstance, DeregisterInstance, GetInstance, ListInstances, GetInstancesHealthStatus,
 * UpdateInstanceCustomHealthStatus, DiscoverInstances and DiscoverInstancesRevision.
 */
final class InstanceHandlers {
    private final CloudMap cloudMap;
    private final CloudMapViews views;

    InstanceHandlers(CloudMap cloudMap, CloudMapViews views) {
        this.cloudMap = cloudMap;
        this.views = views;
    }

    JsonNode register(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String service = in.required("ServiceId", 255);
        String instance = in.required("InstanceId", 64);
        if (!in.has("Attributes")) {
            throw CloudMapInput.missing("Attributes");
        }
        return CloudMapViews.operationId(
                cloudMap.registerInstance(service, instance, in.map("Attributes"), in.string("CreatorRequestId", 64)));
    }

    JsonNode deregister(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        return CloudMapViews.operationId(
                cloudMap.deregisterInstance(in.required("ServiceId", 255), in.required("InstanceId", 64)));
    }

    private Instance instance(DiscoveryService s, String instanceId) {
        return cloudMap.store()
                .instance(s.id(), instanceId)
                .orElseThrow(() -> CloudMapError.INSTANCE_NOT_FOUND.error(
                        String.format(CloudMapMessages.INSTANCE_NOT_FOUND, instanceId, s.id())));
    }

    JsonNode get(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        DiscoveryService s = cloudMap.requireService(in.required("ServiceId", 255));
        Instance i = instance(s, in.required("InstanceId", 64));
        ObjectNode out = CloudMapViews.object();
        out.put("ResourceOwner", cloudMap.ids().account());
        out.set("Instance", views.instance(i, true));
        return out;
    }

    JsonNode list(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        DiscoveryService s = cloudMap.requireService(in.required("ServiceId", 255));
        ObjectNode out = CloudMapViews.page(
                "Instances",
                cloudMap.store().instances(s.id()),
                in.offset(),
                in.maxResults(100, 100),
                i -> views.instance(i, false));
        out.put("ResourceOwner", cloudMap.ids().account());
        return out;
    }

    JsonNode healthStatus(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        DiscoveryService s = cloudMap.requireService(in.required("ServiceId", 255));
        List<Instance> all = cloudMap.store().instances(s.id());
        List<Instance> chosen = all;
        if (in.has("Instances")) {
            List<String> ids = in.strings("Instances");
            if (ids.isEmpty()) {
                throw CloudMapError.invalid("Instances must name at least one instance, or be left out.");
            }
            chosen = ids.stream().map(id -> instance(s, id)).toList();
        }
        ObjectNode page = CloudMapViews.page(
                "Status",
                chosen,
                in.offset(),
                in.maxResults(100, 100),
                i -> CloudMapViews.object().put(i.instanceId(), i.health().name()));
        ObjectNode status = CloudMapViews.object();
        page.get("Status").forEach(n -> status.setAll((ObjectNode) n));
        page.set("Status", status);
        return page;
    }

    JsonNode updateCustomHealth(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String service = in.required("ServiceId", 255);
        String instance = in.required("InstanceId", 64);
        String status = in.required("Status", 16);
        if (!status.equals("HEALTHY") && !status.equals("UNHEALTHY")) {
            throw CloudMapError.invalid("Status '" + status + "' is not valid; use HEALTHY or UNHEALTHY.");
        }
        cloudMap.updateCustomHealth(service, instance, HealthStatus.valueOf(status));
        return CloudMapViews.object();
    }

    private record Named(Namespace namespace, DiscoveryService service) {}

    private Named byName(CloudMapInput in) {
        String nsName = in.required("NamespaceName", 1024);
        String svcName = in.required("ServiceName", 127);
        Namespace ns = cloudMap.store()
                .namespaceByName(nsName)
                .orElseThrow(() -> CloudMapError.NAMESPACE_NOT_FOUND.error(
                        String.format(CloudMapMessages.NAMESPACE_NOT_FOUND, nsName)));
        DiscoveryService s = cloudMap.store().services().stream()
                .filter(x -> x.namespaceId().equals(ns.id()) && x.name().equals(svcName))
                .findFirst()
                .orElseThrow(() -> CloudMapError.SERVICE_NOT_FOUND.error(
                        String.format(CloudMapMessages.SERVICE_NAME_NOT_FOUND, svcName, nsName)));
        return new Named(ns, s);
    }

    JsonNode discover(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        Named n = byName(in);
        int max = in.whole("MaxResults", 1, 1000).map(Long::intValue).orElse(Discovery.DEFAULT_MAX);
        String health = in.string("HealthStatus", 32).orElse("HEALTHY");
        Map<String, String> query = in.map("QueryParameters");
        Map<String, String> optional = in.map("OptionalParameters");
        long revision = cloudMap.store().revision(n.service().id());
        List<Instance> chosen =
                Discovery.select(cloudMap.store().instances(n.service().id()), health, query, optional, max);
        ObjectNode out = CloudMapViews.object();
        ArrayNode arr = out.putArray("Instances");
        for (Instance i : chosen) {
            ObjectNode o = arr.addObject();
            o.put("InstanceId", i.instanceId());
            o.put("NamespaceName", n.namespace().name());
            o.put("ServiceName", n.service().name());
            o.put("HealthStatus", i.health().name());
            o.set("Attributes", CloudMapViews.map(i.attributes()));
        }
        out.put("InstancesRevision", revision);
        return out;
    }

    JsonNode revision(JsonNode body) {
        Named n = byName(new CloudMapInput(body));
        return CloudMapViews.object()
                .put("InstancesRevision", cloudMap.store().revision(n.service().id()));
    }
}
