package dev.gantry.core.service;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.core.taskdef.TaskDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure checks of a {@link ServiceConnect} configuration against the task definition it serves, with ECS's error
 * type (InvalidParameterException) and messages that say what to change: every {@code portName} names a port
 * mapping of the task definition, discovery names and aliases are valid DNS labels/names and unique within the
 * service, at most one client alias per entry, ports and timeouts in range, a per-request timeout only with an
 * HTTP-family {@code appProtocol}.
 */
public final class ServiceConnectRules {
    public static final String NEEDS_NAMESPACE = "Service Connect is enabled but no namespace was given. Set "
            + "serviceConnectConfiguration.namespace to the name or ARN of a Cloud Map namespace.";
    public static final String SERVICES_NEED_ENABLED = "serviceConnectConfiguration.services can only be given when "
            + "serviceConnectConfiguration.enabled is true.";
    public static final String PORT_NAME_MISSING = "The portName '%s' in serviceConnectConfiguration.services does not "
            + "match any portMappings name in task definition %s. Name a port mapping (portMappings[].name) and use "
            + "that name.";
    public static final String DUPLICATE_DISCOVERY = "The discoveryName '%s' is used more than once in "
            + "serviceConnectConfiguration.services; each entry needs its own discoveryName.";
    public static final String DUPLICATE_ALIAS = "The client alias %s:%d is used more than once in "
            + "serviceConnectConfiguration.services; each dnsName and port pair must be unique.";
    public static final String ONE_ALIAS =
            "serviceConnectConfiguration.services[].clientAliases can have at most 1 entry; this one has %d.";
    public static final String BAD_DISCOVERY = "The discoveryName '%s' is not valid: up to 64 lowercase letters, "
            + "numbers, underscores and hyphens, not starting with a hyphen.";
    public static final String BAD_DNS = "The client alias dnsName '%s' is not a valid DNS name: up to 127 lowercase "
            + "letters, numbers, underscores, hyphens and periods, not starting with a hyphen.";
    public static final String BAD_PORT = "%s must be between 1 and 65535; it was %d.";
    public static final String BAD_TIMEOUT = "%s must be 0 (disabled) or more seconds; it was %d.";
    public static final String TCP_REQUEST_TIMEOUT = "perRequestTimeoutSeconds can only be set when the appProtocol "
            + "of port mapping '%s' is http, http2 or grpc. Set its appProtocol or remove perRequestTimeoutSeconds.";

    private static final Pattern DISCOVERY = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,63}");
    private static final Pattern DNS = Pattern.compile("[a-z0-9_][a-z0-9_.-]{0,126}");

    private ServiceConnectRules() {}

    /** Throws InvalidParameterException saying what to change; returns {@code sc} unchanged when it fits. */
    public static ServiceConnect check(ServiceConnect sc, TaskDefinition td) {
        if (!sc.enabled() && !sc.services().isEmpty()) {
            throw ApiException.invalidParameter(SERVICES_NEED_ENABLED);
        }
        Set<String> discovery = new HashSet<>();
        Set<String> aliases = new HashSet<>();
        for (ServiceConnect.Endpoint e : sc.services()) {
            PortMapping port = portMapping(td, e.portName())
                    .orElseThrow(() -> ApiException.invalidParameter(
                            String.format(PORT_NAME_MISSING, e.portName(), td.taskDefinitionArn())));
            String name = e.effectiveDiscoveryName();
            if (!DISCOVERY.matcher(name).matches()) {
                throw ApiException.invalidParameter(String.format(BAD_DISCOVERY, name));
            }
            if (!discovery.add(name)) {
                throw ApiException.invalidParameter(String.format(DUPLICATE_DISCOVERY, name));
            }
            if (e.clientAliases().size() > 1) {
                throw ApiException.invalidParameter(
                        String.format(ONE_ALIAS, e.clientAliases().size()));
            }
            for (ServiceConnect.ClientAlias a : e.clientAliases()) {
                String dns = a.dnsName().orElse(name);
                if (!DNS.matcher(dns).matches()) {
                    throw ApiException.invalidParameter(String.format(BAD_DNS, dns));
                }
                if (!aliases.add(dns + ":" + a.port())) {
                    throw ApiException.invalidParameter(String.format(DUPLICATE_ALIAS, dns, a.port()));
                }
            }
            e.ingressPortOverride().ifPresent(p -> port("ingressPortOverride", p));
            e.timeout().ifPresent(t -> {
                t.idleTimeoutSeconds().ifPresent(s -> timeout("idleTimeoutSeconds", s));
                t.perRequestTimeoutSeconds().ifPresent(s -> {
                    timeout("perRequestTimeoutSeconds", s);
                    if (port.appProtocol() == null) {
                        throw ApiException.invalidParameter(String.format(TCP_REQUEST_TIMEOUT, e.portName()));
                    }
                });
            });
        }
        return sc;
    }

    /** A client alias port (1-65535), for the API to check before building the record. */
    public static int port(String member, int port) {
        if (port < 1 || port > 65535) {
            throw ApiException.invalidParameter(String.format(BAD_PORT, member, port));
        }
        return port;
    }

    private static void timeout(String member, int seconds) {
        if (seconds < 0) {
            throw ApiException.invalidParameter(String.format(BAD_TIMEOUT, member, seconds));
        }
    }

    /** The port mapping named {@code portName} in any container of {@code td}. */
    public static Optional<PortMapping> portMapping(TaskDefinition td, String portName) {
        for (ContainerDefinition c : td.containers()) {
            for (PortMapping p : c.portMappingsOrEmpty()) {
                if (portName.equals(p.name())) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The port mappings' names, for messages. */
    public static List<String> portNames(TaskDefinition td) {
        return td.containers().stream()
                .flatMap(c -> c.portMappingsOrEmpty().stream())
                .map(PortMapping::name)
                .filter(n -> n != null)
                .toList();
    }
}
