package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.HealthCheck;
import dev.gantry.core.servicediscovery.Instance;
import dev.gantry.core.servicediscovery.Namespace;
import dev.gantry.core.servicediscovery.Operation;
import dev.gantry.store.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Cloud Map's output shapes (Namespace, Service, Instance, Operation and their summaries), from core's records. */
final class CloudMapViews {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final java.util.function.Supplier<String> accountId;

    CloudMapViews(java.util.function.Supplier<String> accountId) {
        this.accountId = accountId;
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static void time(ObjectNode o, String member, Instant t) {
        o.put(member, BigDecimal.valueOf(t.toEpochMilli(), 3));
    }

    static ObjectNode map(Map<String, String> m) {
        ObjectNode o = object();
        m.forEach(o::put);
        return o;
    }

    /** A page of {@code items} from {@code offset}, rendered under {@code member}, with a NextToken if more remain. */
    static <T> ObjectNode page(String member, List<T> items, long offset, int max, Function<T, ObjectNode> render) {
        int from = (int) Math.min(offset, items.size());
        List<T> rowsPlusOne = items.subList(from, Math.min(items.size(), from + max + 1));
        Page<T> page = Page.of(rowsPlusOne, from, max);
        ObjectNode out = object();
        ArrayNode arr = out.putArray(member);
        page.items().forEach(i -> arr.add(render.apply(i)));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    ObjectNode namespace(Namespace ns, int serviceCount, boolean full) {
        ObjectNode o = object();
        o.put("Id", ns.id());
        o.put("Arn", ns.arn());
        o.put("ResourceOwner", accountId.get());
        o.put("Name", ns.name());
        o.put("Type", ns.type().name());
        ns.description().ifPresent(d -> o.put("Description", d));
        o.put("ServiceCount", serviceCount);
        ObjectNode props = o.putObject("Properties");
        if (ns.type().isDns()) {
            ObjectNode dns = props.putObject("DnsProperties");
            ns.hostedZoneId().ifPresent(z -> dns.put("HostedZoneId", z));
            dns.putObject("SOA").put("TTL", ns.soaTtl().orElse(Namespace.DEFAULT_SOA_TTL));
        }
        props.putObject("HttpProperties").put("HttpName", ns.name());
        time(o, "CreateDate", ns.createdAt());
        if (full) {
            ns.creatorRequestId().ifPresent(c -> o.put("CreatorRequestId", c));
        }
        return o;
    }

    ObjectNode service(DiscoveryService s, int instanceCount, boolean full) {
        ObjectNode o = object();
        o.put("Id", s.id());
        o.put("Arn", s.arn());
        o.put("ResourceOwner", accountId.get());
        o.put("Name", s.name());
        if (full) {
            o.put("NamespaceId", s.namespaceId());
        }
        o.put("Type", s.type());
        s.description().ifPresent(d -> o.put("Description", d));
        o.put("InstanceCount", instanceCount);
        s.dnsConfig().ifPresent(d -> {
            ObjectNode dns = o.putObject("DnsConfig");
            dns.put("NamespaceId", s.namespaceId());
            dns.put("RoutingPolicy", d.routingPolicy().name());
            ArrayNode records = dns.putArray("DnsRecords");
            d.records()
                    .forEach(r ->
                            records.addObject().put("Type", r.type().name()).put("TTL", r.ttl()));
        });
        switch (s.healthCheck()) {
            case HealthCheck.None n -> {}
            case HealthCheck.Route53 r -> {
                ObjectNode h = o.putObject("HealthCheckConfig");
                h.put("Type", r.type());
                r.resourcePath().ifPresent(p -> h.put("ResourcePath", p));
                r.failureThreshold().ifPresent(t -> h.put("FailureThreshold", t));
            }
            case HealthCheck.Custom c -> {
                ObjectNode h = o.putObject("HealthCheckCustomConfig");
                c.failureThreshold().ifPresent(t -> h.put("FailureThreshold", t));
            }
        }
        time(o, "CreateDate", s.createdAt());
        if (full) {
            s.creatorRequestId().ifPresent(c -> o.put("CreatorRequestId", c));
        }
        o.put("CreatedByAccount", accountId.get());
        return o;
    }

    ObjectNode instance(Instance i, boolean full) {
        ObjectNode o = object();
        o.put("Id", i.instanceId());
        if (full) {
            i.creatorRequestId().ifPresent(c -> o.put("CreatorRequestId", c));
        }
        o.set("Attributes", map(i.attributes()));
        o.put("CreatedByAccount", accountId.get());
        return o;
    }

    ObjectNode operation(Operation op) {
        ObjectNode o = object();
        o.put("Id", op.id());
        o.put("OwnerAccount", accountId.get());
        o.put("Type", op.type().name());
        o.put("Status", op.status().name());
        op.errorMessage().ifPresent(m -> o.put("ErrorMessage", m));
        op.errorCode().ifPresent(c -> o.put("ErrorCode", c));
        time(o, "CreateDate", op.createdAt());
        time(o, "UpdateDate", op.updatedAt());
        o.set("Targets", map(op.targets()));
        return o;
    }

    static ObjectNode operationId(String id) {
        return object().put("OperationId", id);
    }
}
