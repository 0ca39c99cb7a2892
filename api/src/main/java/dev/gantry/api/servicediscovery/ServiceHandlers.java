package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.control.discovery.CloudMap;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.DnsConfig;
import dev.gantry.core.servicediscovery.DnsRecord;
import dev.gantry.core.servicediscovery.Filter;
import dev.gantry.core.servicediscovery.HealthCheck;
import dev.gantry.core.servicediscovery.RecordType;
import dev.gantry.core.servicediscovery.RoutingPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CreateService, GetService, ListServices, UpdateService, DeleteService. */
final class ServiceHandlers {
    private final CloudMap cloudMap;
    private final CloudMapViews views;

    ServiceHandlers(CloudMap cloudMap, CloudMapViews views) {
        this.cloudMap = cloudMap;
        this.views = views;
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String member, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw CloudMapError.invalid(member + " '" + value + "' is not valid; use one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    static List<DnsRecord> records(CloudMapInput dns, String where) {
        if (!dns.has("DnsRecords")) {
            throw CloudMapInput.missing(where + ".DnsRecords");
        }
        List<DnsRecord> out = new ArrayList<>();
        for (JsonNode r : dns.list("DnsRecords")) {
            CloudMapInput rec = new CloudMapInput(r);
            String type = rec.string("Type", 8).orElseThrow(() -> CloudMapInput.missing(where + ".DnsRecords[].Type"));
            long ttl = rec.whole("TTL", 0, Integer.MAX_VALUE)
                    .orElseThrow(() -> CloudMapInput.missing(where + ".DnsRecords[].TTL"));
            out.add(new DnsRecord(oneOf(RecordType.class, "DnsRecords[].Type", type), ttl));
        }
        return out;
    }

    static Optional<Integer> threshold(CloudMapInput h) {
        return h.whole("FailureThreshold", 1, 10).map(Long::intValue);
    }

    static HealthCheck.Route53 route53(CloudMapInput h) {
        String type = h.string("Type", 8).orElseThrow(() -> CloudMapInput.missing("HealthCheckConfig.Type"));
        if (!Set.of("HTTP", "HTTPS", "TCP").contains(type)) {
            throw CloudMapError.invalid("HealthCheckConfig.Type '" + type + "' is not valid; use HTTP, HTTPS or TCP.");
        }
        Optional<String> path = h.string("ResourcePath", 255);
        if (path.isEmpty() && !type.equals("TCP")) {
            path = Optional.of("/");
        }
        return new HealthCheck.Route53(type, path, threshold(h));
    }

    JsonNode create(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String name = in.required("Name", 127);
        Optional<DnsConfig> dns = Optional.empty();
        Optional<String> namespaceId = in.string("NamespaceId", 255);
        if (in.has("DnsConfig")) {
            CloudMapInput d = in.object("DnsConfig");
            Optional<String> dnsNamespace = d.string("NamespaceId", 64);
            if (namespaceId.isEmpty()) {
                namespaceId = dnsNamespace;
            }
            RoutingPolicy policy = d.string("RoutingPolicy", 16)
                    .map(p -> oneOf(RoutingPolicy.class, "DnsConfig.RoutingPolicy", p))
                    .orElse(RoutingPolicy.MULTIVALUE);
            dns = Optional.of(new DnsConfig(policy, records(d, "DnsConfig")));
        }
        if (in.has("HealthCheckConfig") && in.has("HealthCheckCustomConfig")) {
            throw CloudMapError.invalid(
                    "A service can have a HealthCheckConfig or a HealthCheckCustomConfig, not both; remove one.");
        }
        HealthCheck health = new HealthCheck.None();
        if (in.has("HealthCheckConfig")) {
            health = route53(in.object("HealthCheckConfig"));
        } else if (in.has("HealthCheckCustomConfig")) {
            health = new HealthCheck.Custom(threshold(in.object("HealthCheckCustomConfig")));
        }
        Optional<String> type = in.string("Type", 8);
        if (type.isPresent() && !type.get().equals("HTTP")) {
            throw CloudMapError.invalid("Type '" + type.get() + "' is not valid; the only value is HTTP.");
        }
        String ns = namespaceId.orElseThrow(() ->
                CloudMapError.invalid("Name the service's namespace: give NamespaceId (or DnsConfig.NamespaceId)."));
        DiscoveryService s = cloudMap.createService(new CloudMap.ServiceRequest(
                ns,
                name,
                in.string("Description", 1024),
                dns,
                health,
                type,
                in.string("CreatorRequestId", 64),
                in.tags("Tags")));
        return CloudMapViews.object().set("Service", views.service(s, 0, true));
    }

    JsonNode get(JsonNode body) {
        DiscoveryService s = cloudMap.requireService(new CloudMapInput(body).required("Id", 255));
        int count = cloudMap.store().instanceCounts().getOrDefault(s.id(), 0);
        return CloudMapViews.object().set("Service", views.service(s, count, true));
    }

    JsonNode list(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        List<Filter> filters = new ArrayList<>();
        for (JsonNode f : in.list("Filters")) {
            CloudMapInput fi = new CloudMapInput(f);
            String name = fi.string("Name", 64).orElseThrow(() -> CloudMapInput.missing("Filters[].Name"));
            if (!fi.has("Values")) {
                throw CloudMapInput.missing("Filters[].Values");
            }
            List<String> values =
                    fi.strings("Values").stream().map(CloudMapIds::idOf).toList();
            filters.add(Filter.of(
                    name,
                    values,
                    fi.string("Condition", 16).orElse("EQ"),
                    Set.of("NAMESPACE_ID", "RESOURCE_OWNER"),
                    Set.of("EQ", "IN")));
        }
        Map<String, Integer> counts = cloudMap.store().instanceCounts();
        List<DiscoveryService> matching = cloudMap.store().services().stream()
                .filter(s -> filters.stream()
                        .allMatch(f -> f.matches(
                                f.name().equals("NAMESPACE_ID")
                                        ? s.namespaceId()
                                        : cloudMap.ids().account())))
                .toList();
        return CloudMapViews.page(
                "Services",
                matching,
                in.offset(),
                in.maxResults(100, 100),
                s -> views.service(s, counts.getOrDefault(s.id(), 0), false));
    }

    JsonNode update(JsonNode body) {
        CloudMapInput in = new CloudMapInput(body);
        String id = in.required("Id", 255);
        if (!in.has("Service")) {
            throw CloudMapInput.missing("Service");
        }
        CloudMapInput change = in.object("Service");
        Optional<List<DnsRecord>> records = change.has("DnsConfig")
                ? Optional.of(records(change.object("DnsConfig"), "Service.DnsConfig"))
                : Optional.empty();
        Optional<HealthCheck.Route53> health = change.has("HealthCheckConfig")
                ? Optional.of(route53(change.object("HealthCheckConfig")))
                : Optional.empty();
        return CloudMapViews.operationId(
                cloudMap.updateService(id, change.string("Description", 1024), records, health));
    }

    JsonNode delete(JsonNode body) {
        cloudMap.deleteService(new CloudMapInput(body).required("Id", 255));
        return CloudMapViews.object();
    }
}
