package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.control.discovery.CloudMap;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.Filter;
import dev.gantry.core.servicediscovery.Namespace;
import dev.gantry.core.servicediscovery.NamespaceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CreatePrivateDnsNamespace, CreatePublicDnsNamespace, CreateHttpNamespace, Get/List/Delete/Update*Namespace. */
final class NamespaceHandlers {
    private static final Set<String> FILTERS = Set.of("TYPE", "NAME", "HTTP_NAME", "RESOURCE_OWNER");

    private final CloudMap cloudMap;
    private final CloudMapViews views;

    NamespaceHandlers(CloudMap cloudMap, CloudMapViews views) {
        this.cloudMap = cloudMap;
        this.views = views;
    }

    JsonNode create(NamespaceType type, JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String name = in.required("Name", type == NamespaceType.HTTP ? 1024 : 253);
        Optional<String> vpc = Optional.empty();
        if (type == NamespaceType.DNS_PRIVATE) {
            vpc = Optional.of(in.required("Vpc", 64));
        }
        Optional<Long> ttl = Optional.empty();
        if (type.isDns() && in.has("Properties")) {
            CloudMapInput soa = in.object("Properties").object("DnsProperties").object("SOA");
            ttl = Optional.of(soa.whole("TTL", 0, Integer.MAX_VALUE)
                    .orElseThrow(() -> CloudMapInput.missing("Properties.DnsProperties.SOA.TTL")));
        }
        String op = cloudMap.createNamespace(new CloudMap.NamespaceRequest(
                type,
                name,
                vpc,
                in.string("Description", 1024),
                ttl,
                in.string("CreatorRequestId", 64),
                in.tags("Tags")));
        return CloudMapViews.operationId(op);
    }

    JsonNode get(JsonNode body) {
        Namespace ns = cloudMap.requireNamespace(new CloudMapInput(body).required("Id", 255));
        int count = cloudMap.store().serviceCounts().getOrDefault(ns.id(), 0);
        return CloudMapViews.object().set("Namespace", views.namespace(ns, count, true));
    }

    JsonNode list(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        List<Filter> filters = in.list("Filters").stream()
                .map(f -> filter(new CloudMapInput(f)))
                .toList();
        Map<String, Integer> counts = cloudMap.store().serviceCounts();
        List<Namespace> matching = cloudMap.store().namespaces().stream()
                .filter(ns -> filters.stream().allMatch(f -> f.matches(value(ns, f.name()))))
                .toList();
        return CloudMapViews.page(
                "Namespaces",
                matching,
                in.offset(),
                in.maxResults(100, 100),
                ns -> views.namespace(ns, counts.getOrDefault(ns.id(), 0), false));
    }

    private String value(Namespace ns, String filter) {
        return switch (filter) {
            case "TYPE" -> ns.type().name();
            case "RESOURCE_OWNER" -> cloudMap.ids().account();
            default -> ns.name(); // NAME, HTTP_NAME
        };
    }

    private static Filter filter(CloudMapInput f) {
        String name = f.string("Name", 64).orElseThrow(() -> CloudMapInput.missing("Filters[].Name"));
        if (!f.has("Values")) {
            throw CloudMapInput.missing("Filters[].Values");
        }
        String condition = f.string("Condition", 16).orElse("EQ");
        Set<String> conditions = name.equals("TYPE") ? Set.of("EQ", "IN") : Set.of("EQ", "BEGINS_WITH");
        return Filter.of(name, f.strings("Values"), condition, FILTERS, conditions);
    }

    JsonNode delete(JsonNode body) {
        return CloudMapViews.operationId(cloudMap.deleteNamespace(new CloudMapInput(body).required("Id", 255)));
    }

    JsonNode update(NamespaceType type, JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String id = in.required("Id", 255);
        if (!in.has("Namespace")) {
            throw CloudMapInput.missing("Namespace");
        }
        CloudMapInput change = in.object("Namespace");
        Optional<Long> ttl = Optional.empty();
        if (type.isDns() && change.has("Properties")) {
            ttl = change.object("Properties")
                    .object("DnsProperties")
                    .object("SOA")
                    .whole("TTL", 0, Integer.MAX_VALUE);
        }
        Optional<String> description = change.string("Description", 1024);
        if (type == NamespaceType.HTTP && description.isEmpty()) {
            throw CloudMapInput.missing("Namespace.Description");
        }
        if (description.isEmpty() && ttl.isEmpty()) {
            throw CloudMapError.invalid("Namespace names nothing to change: give a Description or Properties.");
        }
        return CloudMapViews.operationId(cloudMap.updateNamespace(id, type, description, ttl));
    }
}
