package dev.gantry.control.discovery;

import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.core.servicediscovery.CloudMapMessages;
import dev.gantry.core.servicediscovery.CloudMapRules;
import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.DnsConfig;
import dev.gantry.core.servicediscovery.DnsRecord;
import dev.gantry.core.servicediscovery.HealthCheck;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.Instance;
import dev.gantry.core.servicediscovery.Namespace;
import dev.gantry.core.servicediscovery.NamespaceType;
import dev.gantry.core.servicediscovery.Operation;
import dev.gantry.core.servicediscovery.OperationType;
import dev.gantry.store.servicediscovery.CloudMapStore;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cloud Map below the wire: every change of a namespace, service, instance or tag goes through here (the API and
 * the ECS registration loop alike). It checks core's rules, writes through {@link CloudMapStore} (which checks what
 * depends on stored state in the same transaction), records the operation AWS would report, tells
 * {@link OperationProgress} to move it on and, after the commit, nudges the {@link DiscoveryView} listeners.
 */
public final class CloudMap implements DiscoveryRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(CloudMap.class);

    /** CreatePrivateDnsNamespace / CreatePublicDnsNamespace / CreateHttpNamespace, once parsed. */
    public record NamespaceRequest(
            NamespaceType type,
            String name,
            Optional<String> vpc,
            Optional<String> description,
            Optional<Long> soaTtl,
            Optional<String> creatorRequestId,
            Map<String, String> tags) {}

    /** CreateService, once parsed. */
    public record ServiceRequest(
            String namespaceId,
            String name,
            Optional<String> description,
            Optional<DnsConfig> dnsConfig,
            HealthCheck healthCheck,
            Optional<String> type,
            Optional<String> creatorRequestId,
            Map<String, String> tags) {}

    private final CloudMapStore store;
    private final CloudMapIds ids;
    private final NetworkDirectory network;
    private final InstantSource clock;
    private final OperationProgress progress;
    private final StoreDiscoveryView view;

    public CloudMap(
            CloudMapStore store,
            CloudMapIds ids,
            NetworkDirectory network,
            InstantSource clock,
            OperationProgress progress,
            StoreDiscoveryView view) {
        this.store = store;
        this.ids = ids;
        this.network = network;
        this.clock = clock;
        this.progress = progress;
        this.view = view;
    }

    public CloudMapStore store() {
        return store;
    }

    public CloudMapIds ids() {
        return ids;
    }

    private Operation submit(OperationType type, Map<String, String> targets, Optional<String> creator) {
        return Operation.submitted(ids.operationId(), type, targets, creator, clock.instant());
    }

    private String committed(Operation op) {
        progress.nudge();
        view.changed();
        return op.id();
    }

    // ---- namespaces

    /** Creates a namespace; the CREATE_NAMESPACE operation's id. */
    public String createNamespace(NamespaceRequest r) {
        CloudMapRules.namespaceName(r.type(), r.name());
        CloudMapRules.tags(r.tags(), r.tags().size());
        r.soaTtl().ifPresent(CloudMap::checkTtl);
        if (r.vpc().isPresent() && network.vpc(r.vpc().get()).isEmpty()) {
            throw CloudMapError.invalid(
                    String.format(CloudMapMessages.VPC_NOT_FOUND, r.vpc().get()));
        }
        String id = ids.namespaceId();
        Namespace ns = new Namespace(
                id,
                ids.namespaceArn(id),
                r.name(),
                r.type(),
                r.description(),
                r.vpc(),
                r.type().isDns() ? Optional.of(r.soaTtl().orElse(Namespace.DEFAULT_SOA_TTL)) : Optional.empty(),
                r.creatorRequestId(),
                clock.instant());
        Operation op = store.createNamespace(
                ns, r.tags(), submit(OperationType.CREATE_NAMESPACE, Map.of("NAMESPACE", id), r.creatorRequestId()));
        LOG.atInfo()
                .addKeyValue("namespace", op.targets().get("NAMESPACE"))
                .addKeyValue("name", r.name())
                .addKeyValue("type", r.type())
                .log("Cloud Map namespace created");
        return committed(op);
    }

    private static void checkTtl(long ttl) {
        if (ttl < 0 || ttl > Integer.MAX_VALUE) {
            throw CloudMapError.invalid("TTL " + ttl + " is out of range: use 0 to 2147483647 seconds.");
        }
    }

    public Namespace requireNamespace(String idOrArn) {
        String id = CloudMapIds.idOf(idOrArn);
        return store.namespace(id)
                .orElseThrow(() -> CloudMapError.NAMESPACE_NOT_FOUND.error(
                        String.format(CloudMapMessages.NAMESPACE_NOT_FOUND, id)));
    }

    /** UpdatePrivateDnsNamespace / UpdatePublicDnsNamespace / UpdateHttpNamespace of a namespace of {@code type}. */
    public String updateNamespace(
            String idOrArn, NamespaceType type, Optional<String> description, Optional<Long> soaTtl) {
        Namespace ns = requireNamespace(idOrArn);
        if (ns.type() != type) {
            throw CloudMapError.invalid("Namespace " + ns.id() + " is " + ns.type() + ", not " + type
                    + "; call the Update action of its type.");
        }
        soaTtl.ifPresent(CloudMap::checkTtl);
        Namespace updated = ns.withDescription(description.or(ns::description))
                .withSoaTtl(soaTtl.isPresent() ? soaTtl : ns.soaTtl());
        return committed(store.updateNamespace(
                updated, submit(OperationType.UPDATE_NAMESPACE, Map.of("NAMESPACE", ns.id()), Optional.empty())));
    }

    public String deleteNamespace(String idOrArn) {
        Namespace ns = requireNamespace(idOrArn);
        Operation op = store.deleteNamespace(
                ns.id(), submit(OperationType.DELETE_NAMESPACE, Map.of("NAMESPACE", ns.id()), Optional.empty()));
        LOG.atInfo().addKeyValue("namespace", ns.id()).log("Cloud Map namespace deleted");
        return committed(op);
    }

    // ---- services

    public DiscoveryService createService(ServiceRequest r) {
        CloudMapRules.serviceName(r.name());
        CloudMapRules.tags(r.tags(), r.tags().size());
        Namespace ns = requireNamespace(r.namespaceId());
        CloudMapRules.healthCheck(ns, r.healthCheck());
        CloudMapRules.dnsConfig(ns, r.dnsConfig(), r.healthCheck());
        String type = CloudMapRules.serviceType(ns, r.dnsConfig(), r.type());
        String id = ids.serviceId();
        DiscoveryService s = store.createService(
                new DiscoveryService(
                        id,
                        ids.serviceArn(id),
                        ns.id(),
                        r.name(),
                        r.description(),
                        r.dnsConfig(),
                        r.healthCheck(),
                        type,
                        r.creatorRequestId(),
                        clock.instant()),
                r.tags());
        LOG.atInfo()
                .addKeyValue("service", s.id())
                .addKeyValue("namespace", ns.id())
                .addKeyValue("name", s.name())
                .log("Cloud Map service created");
        view.changed();
        return s;
    }

    public DiscoveryService requireService(String idOrArn) {
        String id = CloudMapIds.idOf(idOrArn);
        return store.service(id)
                .orElseThrow(() ->
                        CloudMapError.SERVICE_NOT_FOUND.error(String.format(CloudMapMessages.SERVICE_NOT_FOUND, id)));
    }

    /**
     * UpdateService: the description and DNS records given replace the service's; a HealthCheckConfig omitted is
     * removed, as AWS does. The routing policy and a HealthCheckCustomConfig cannot change.
     */
    public String updateService(
            String idOrArn,
            Optional<String> description,
            Optional<List<DnsRecord>> records,
            Optional<HealthCheck.Route53> healthCheck) {
        DiscoveryService s = requireService(idOrArn);
        Namespace ns = requireNamespace(s.namespaceId());
        if (records.isPresent() && s.dnsConfig().isEmpty()) {
            throw CloudMapError.invalid("Service " + s.id() + " has no DnsConfig: it cannot be given DNS records.");
        }
        if (healthCheck.isPresent() && s.customHealth()) {
            throw CloudMapError.invalid("Service " + s.id()
                    + " has a HealthCheckCustomConfig, which cannot be replaced by a HealthCheckConfig.");
        }
        Optional<DnsConfig> dns =
                records.isPresent() ? s.dnsConfig().map(d -> d.withRecords(records.get())) : s.dnsConfig();
        HealthCheck health = s.customHealth()
                ? s.healthCheck()
                : healthCheck.<HealthCheck>map(h -> h).orElse(new HealthCheck.None());
        CloudMapRules.healthCheck(ns, health);
        CloudMapRules.dnsConfig(ns, dns, health);
        DiscoveryService updated = s.withChange(description, dns, health);
        return committed(store.updateService(
                updated, submit(OperationType.UPDATE_SERVICE, Map.of("SERVICE", s.id()), Optional.empty())));
    }

    public void deleteService(String idOrArn) {
        String id = CloudMapIds.idOf(idOrArn);
        store.deleteService(id);
        LOG.atInfo().addKeyValue("service", id).log("Cloud Map service deleted");
        view.changed();
    }

    // ---- instances

    /** RegisterInstance: attributes checked against the service's records; the initial health from them. */
    public String registerInstance(
            String serviceIdOrArn, String instanceId, Map<String, String> attributes, Optional<String> creator) {
        DiscoveryService s = requireService(serviceIdOrArn);
        CloudMapRules.instanceId(instanceId);
        HealthStatus health = CloudMapRules.attributes(s, attributes);
        return register(s, instanceId, attributes, health, creator);
    }

    private String register(
            DiscoveryService s,
            String instanceId,
            Map<String, String> attributes,
            HealthStatus health,
            Optional<String> creator) {
        Instance i = new Instance(s.id(), instanceId, attributes, creator, health, clock.instant());
        Operation op = store.registerInstance(
                i, submit(OperationType.REGISTER_INSTANCE, Map.of("SERVICE", s.id(), "INSTANCE", instanceId), creator));
        LOG.atInfo()
                .addKeyValue("service", s.id())
                .addKeyValue("instance", instanceId)
                .addKeyValue("health", health)
                .log("Cloud Map instance registered");
        return committed(op);
    }

    public String deregisterInstance(String serviceIdOrArn, String instanceId) {
        DiscoveryService s = requireService(serviceIdOrArn);
        Operation op = store.deregisterInstance(
                s.id(),
                instanceId,
                submit(
                        OperationType.DEREGISTER_INSTANCE,
                        Map.of("SERVICE", s.id(), "INSTANCE", instanceId),
                        Optional.empty()));
        LOG.atInfo()
                .addKeyValue("service", s.id())
                .addKeyValue("instance", instanceId)
                .log("Cloud Map instance deregistered");
        return committed(op);
    }

    /** UpdateInstanceCustomHealthStatus: only for a service with HealthCheckCustomConfig (CustomHealthNotFound). */
    public void updateCustomHealth(String serviceIdOrArn, String instanceId, HealthStatus status) {
        DiscoveryService s = requireService(serviceIdOrArn);
        if (store.instance(s.id(), instanceId).isEmpty()) {
            throw CloudMapError.INSTANCE_NOT_FOUND.error(
                    String.format(CloudMapMessages.INSTANCE_NOT_FOUND, instanceId, s.id()));
        }
        if (!s.customHealth()) {
            throw CloudMapError.CUSTOM_HEALTH_NOT_FOUND.error(String.format(CloudMapMessages.NO_CUSTOM_HEALTH, s.id()));
        }
        healthChanged(s.id(), instanceId, status, store.setHealth(s.id(), instanceId, status));
    }

    private void healthChanged(String serviceId, String instanceId, HealthStatus status, boolean changed) {
        if (changed) {
            LOG.atInfo()
                    .addKeyValue("service", serviceId)
                    .addKeyValue("instance", instanceId)
                    .addKeyValue("health", status)
                    .log("Cloud Map instance health changed");
            view.changed();
        }
    }

    // ---- tags

    private String taggable(String arn) {
        if (!store.taggable(arn)) {
            throw CloudMapError.RESOURCE_NOT_FOUND.error(String.format(CloudMapMessages.RESOURCE_NOT_FOUND, arn));
        }
        return arn;
    }

    public Map<String, String> tags(String arn) {
        return store.tags(taggable(arn));
    }

    public void tag(String arn, Map<String, String> tags) {
        CloudMapRules.tags(tags, tags.size());
        store.tag(taggable(arn), tags, CloudMapRules.MAX_TAGS);
    }

    public void untag(String arn, Collection<String> keys) {
        store.untag(taggable(arn), keys);
    }

    // ---- DiscoveryRegistrar (the ECS registration loop)

    @Override
    public Optional<DiscoveryService> service(String serviceIdOrArn) {
        return store.service(CloudMapIds.idOf(serviceIdOrArn));
    }

    @Override
    public String register(String serviceId, String instanceId, Map<String, String> attributes, HealthStatus health) {
        DiscoveryService s = requireService(serviceId);
        CloudMapRules.instanceId(instanceId);
        CloudMapRules.attributes(s, attributes);
        return register(s, instanceId, attributes, health, Optional.empty());
    }

    @Override
    public boolean setHealth(String serviceId, String instanceId, HealthStatus health) {
        String id = CloudMapIds.idOf(serviceId);
        if (store.instance(id, instanceId).isEmpty()) {
            return false;
        }
        try {
            boolean changed = store.setHealth(id, instanceId, health);
            healthChanged(id, instanceId, health, changed);
            return changed;
        } catch (ApiException e) {
            if (e.code() == CloudMapError.INSTANCE_NOT_FOUND) {
                return false; // deregistered meanwhile
            }
            throw e;
        }
    }

    @Override
    public boolean deregister(String serviceId, String instanceId) {
        String id = CloudMapIds.idOf(serviceId);
        if (store.instance(id, instanceId).isEmpty()) {
            return false;
        }
        try {
            deregisterInstance(id, instanceId);
            return true;
        } catch (ApiException e) {
            if (e.code() == CloudMapError.INSTANCE_NOT_FOUND) {
                return false; // deregistered meanwhile
            }
            throw e;
        }
    }

    @Override
    public List<Instance> instances(String serviceId) {
        return store.instances(CloudMapIds.idOf(serviceId));
    }
}
