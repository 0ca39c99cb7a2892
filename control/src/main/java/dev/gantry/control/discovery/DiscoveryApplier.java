package dev.gantry.control.discovery;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a discovery plan out through the {@link DiscoveryRegistry}, one action at a time, and logs each
 * transition once. Every action is idempotent, so a failed pass is simply planned and applied again.
 */
public final class DiscoveryApplier {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryApplier.class);

    private final DiscoveryRegistry registry;

    public DiscoveryApplier(DiscoveryRegistry registry) {
        this.registry = registry;
    }

    public void apply(String serviceArn, List<DiscoveryAction> plan) {
        for (DiscoveryAction a : plan) {
            switch (a) {
                case DiscoveryAction.Deregister d -> registry.deregister(d.registryArn(), d.instanceId());
                case DiscoveryAction.SetHealth h -> registry.setHealth(h.registryArn(), h.instanceId(), h.healthy());
                case DiscoveryAction.Register r -> registry.register(r.registryArn(), r.instanceId(), r.attributes());
            }
            LOG.atInfo()
                    .addKeyValue("serviceArn", serviceArn)
                    .addKeyValue("registryArn", a.registryArn())
                    .addKeyValue("instanceId", a.instanceId())
                    .log(
                            switch (a) {
                                case DiscoveryAction.Deregister d -> "task deregistered from Cloud Map";
                                case DiscoveryAction.SetHealth h ->
                                    h.healthy()
                                            ? "task reported healthy to Cloud Map"
                                            : "task reported unhealthy to Cloud Map";
                                case DiscoveryAction.Register r -> "task registered in Cloud Map";
                            });
        }
    }
}
