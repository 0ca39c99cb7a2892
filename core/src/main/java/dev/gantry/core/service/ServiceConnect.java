package dev.gantry.core.service;

import dev.gantry.core.taskdef.LogConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment's ECS Service Connect configuration (botocore's {@code ServiceConnectConfiguration}), checked by
 * {@link ServiceConnectRules}: whether the service's tasks join {@code namespaceArn} (resolved from the name or ARN
 * the request gave) and the endpoints it offers there ({@code services}; none for a client-only service).
 */
public record ServiceConnect(
        boolean enabled,
        Optional<String> namespaceArn,
        List<Endpoint> services,
        Optional<LogConfiguration> logConfiguration) {

    public ServiceConnect {
        namespaceArn = namespaceArn == null ? Optional.empty() : namespaceArn;
        services = services == null ? List.of() : List.copyOf(services);
        logConfiguration = logConfiguration == null ? Optional.empty() : logConfiguration;
        if (enabled && namespaceArn.isEmpty()) {
            throw new IllegalArgumentException("an enabled Service Connect configuration needs a namespace");
        }
    }

    /**
     * One entry of {@code services[]}: the named port mapping served, the Cloud Map name (default: the port name),
     * at most one client alias, and the proxy settings ECS accepts.
     */
    public record Endpoint(
            String portName,
            Optional<String> discoveryName,
            List<ClientAlias> clientAliases,
            Optional<Integer> ingressPortOverride,
            Optional<Timeout> timeout) {
        public Endpoint {
            Objects.requireNonNull(portName, "portName");
            discoveryName = discoveryName == null ? Optional.empty() : discoveryName;
            clientAliases = clientAliases == null ? List.of() : List.copyOf(clientAliases);
            ingressPortOverride = ingressPortOverride == null ? Optional.empty() : ingressPortOverride;
            timeout = timeout == null ? Optional.empty() : timeout;
        }

        /** The Cloud Map service name: {@code discoveryName}, else the port name (as ECS defaults it). */
        public String effectiveDiscoveryName() {
            return discoveryName.orElse(portName);
        }
    }

    /** A name and port clients use; {@code dnsName} defaults to the discovery name. */
    public record ClientAlias(int port, Optional<String> dnsName) {
        public ClientAlias {
            dnsName = dnsName == null ? Optional.empty() : dnsName;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("client alias port out of range: " + port);
            }
        }
    }

    /** Proxy timeouts in seconds; 0 disables one. */
    public record Timeout(Optional<Integer> idleTimeoutSeconds, Optional<Integer> perRequestTimeoutSeconds) {
        public Timeout {
            idleTimeoutSeconds = idleTimeoutSeconds == null ? Optional.empty() : idleTimeoutSeconds;
            perRequestTimeoutSeconds = perRequestTimeoutSeconds == null ? Optional.empty() : perRequestTimeoutSeconds;
        }
    }
}
