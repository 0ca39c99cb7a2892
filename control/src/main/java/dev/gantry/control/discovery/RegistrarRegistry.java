package dev.gantry.control.discovery;

import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.DnsConfig;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.RecordType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ECS service discovery's {@link DiscoveryRegistry} over Gantry's Cloud Map ({@link DiscoveryRegistrar}): a
 * {@code registryArn} is looked up by ARN, a task registered HEALTHY, its health set whatever the Cloud Map service's
 * health settings (the registrar lets an ECS-registered instance's health follow its task's), a missing instance or
 * service is not an error.
 */
public final class RegistrarRegistry implements DiscoveryRegistry {
    private final DiscoveryRegistrar registrar;

    public RegistrarRegistry(DiscoveryRegistrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public Optional<Registry> registry(String registryArn) {
        return registrar
                .service(registryArn)
                .filter(s -> s.arn().equals(registryArn))
                .map(s -> {
                    Optional<DnsConfig> dns = s.dnsConfig();
                    return new Registry(
                            registryArn,
                            s.id(),
                            dns.isPresent(),
                            dns.map(d -> d.has(RecordType.SRV)).orElse(false),
                            true);
                });
    }

    @Override
    public List<Instance> instances(String registryArn) {
        return registrar
                .service(registryArn)
                .map(s -> registrar.instances(s.id()).stream()
                        .map(i -> new Instance(
                                registryArn,
                                i.instanceId(),
                                i.attributes(),
                                i.health().servesTraffic()))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public void register(String registryArn, String instanceId, Map<String, String> attributes) {
        service(registryArn).ifPresent(s -> registrar.register(s.id(), instanceId, attributes, HealthStatus.HEALTHY));
    }

    @Override
    public void deregister(String registryArn, String instanceId) {
        service(registryArn).ifPresent(s -> registrar.deregister(s.id(), instanceId));
    }

    @Override
    public void setHealth(String registryArn, String instanceId, boolean healthy) {
        service(registryArn)
                .ifPresent(s -> registrar.setHealth(
                        s.id(), instanceId, healthy ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY));
    }

    private Optional<DiscoveryService> service(String registryArn) {
        return registrar.service(registryArn);
    }
}
