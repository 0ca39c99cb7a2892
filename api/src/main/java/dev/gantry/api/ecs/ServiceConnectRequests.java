package dev.gantry.api.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.control.serviceconnect.ServiceConnectNamespaces;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.service.ServiceConnect;
import dev.gantry.core.service.ServiceConnectRules;
import dev.gantry.core.taskdef.LogConfiguration;
import dev.gantry.core.taskdef.TaskDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code serviceConnectConfiguration} of CreateService and UpdateService into a {@link ServiceConnect}: the
 * namespace resolved to its ARN (NamespaceNotFoundException otherwise), then checked against the task definition by
 * {@link ServiceConnectRules}. Members Gantry does not act on (tls, accessLogConfiguration, testTrafficRules) are
 * refused by name unless empty.
 */
final class ServiceConnectRequests {
    static final String MEMBER = "serviceConnectConfiguration";
    private static final Set<String> TOP = Set.of("enabled", "namespace", "services", "logConfiguration");
    private static final Set<String> SERVICE =
            Set.of("portName", "discoveryName", "clientAliases", "ingressPortOverride", "timeout");
    private static final Set<String> ALIAS = Set.of("port", "dnsName");

    private ServiceConnectRequests() {}

    /** The request's configuration, if it has one, checked against {@code td}. */
    static Optional<ServiceConnect> read(JsonNode in, TaskDefinition td, ServiceConnectNamespaces namespaces) {
        JsonNode sc = in.get(MEMBER);
        if (sc == null || sc.isNull()) {
            return Optional.empty();
        }
        object(sc, MEMBER);
        supported(sc, TOP, MEMBER);
        JsonNode enabledNode = sc.get("enabled");
        if (enabledNode == null || enabledNode.isNull()) {
            throw ApiException.invalidParameter(MEMBER + ".enabled is required (true or false).");
        }
        if (!enabledNode.isBoolean()) {
            throw ApiException.serialization("'" + MEMBER + ".enabled' must be true or false.");
        }
        boolean enabled = enabledNode.asBoolean();
        Optional<String> ns = Input.string(sc, "namespace").filter(s -> !s.isEmpty());
        if (enabled && ns.isEmpty()) {
            throw ApiException.invalidParameter(ServiceConnectRules.NEEDS_NAMESPACE);
        }
        Optional<String> arn =
                ns.map(ref -> namespaces.resolve(ref).orElseThrow(() -> ServiceErrors.namespaceNotFound(ref)));
        List<ServiceConnect.Endpoint> services = new ArrayList<>();
        JsonNode list = sc.get("services");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiException.serialization("'" + MEMBER + ".services' must be a list.");
            }
            for (JsonNode s : list) {
                services.add(endpoint(s));
            }
        }
        Optional<LogConfiguration> logs = Optional.empty();
        JsonNode lc = sc.get("logConfiguration");
        if (lc != null && !lc.isNull()) {
            try {
                logs = Optional.of(Json.mapper().treeToValue(lc, LogConfiguration.class));
            } catch (JsonProcessingException e) {
                throw WireErrors.rejected(e, ApiException::invalidParameter);
            }
        }
        return Optional.of(ServiceConnectRules.check(
                new ServiceConnect(enabled, enabled ? arn : Optional.empty(), services, logs), td));
    }

    private static ServiceConnect.Endpoint endpoint(JsonNode s) {
        String where = MEMBER + ".services[]";
        object(s, where);
        supported(s, SERVICE, where);
        String portName = Input.string(s, "portName")
                .filter(p -> !p.isEmpty())
                .orElseThrow(() -> ApiException.invalidParameter(
                        where + ".portName is required: the name of one " + "of the task definition's portMappings."));
        List<ServiceConnect.ClientAlias> aliases = new ArrayList<>();
        JsonNode list = s.get("clientAliases");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiException.serialization("'" + where + ".clientAliases' must be a list.");
            }
            for (JsonNode a : list) {
                object(a, where + ".clientAliases[]");
                supported(a, ALIAS, where + ".clientAliases[]");
                int port = Input.integer(a, "port")
                        .orElseThrow(() -> ApiException.invalidParameter(
                                where + ".clientAliases[].port is required: " + "the port clients connect to."));
                ServiceConnectRules.port("clientAliases[].port", port);
                aliases.add(new ServiceConnect.ClientAlias(
                        port, Input.string(a, "dnsName").filter(d -> !d.isEmpty())));
            }
        }
        Optional<ServiceConnect.Timeout> timeout = Optional.empty();
        JsonNode t = s.get("timeout");
        if (t != null && !t.isNull()) {
            object(t, where + ".timeout");
            timeout = Optional.of(new ServiceConnect.Timeout(
                    Input.integer(t, "idleTimeoutSeconds"), Input.integer(t, "perRequestTimeoutSeconds")));
        }
        return new ServiceConnect.Endpoint(
                portName,
                Input.string(s, "discoveryName").filter(d -> !d.isEmpty()),
                aliases,
                Input.integer(s, "ingressPortOverride"),
                timeout);
    }

    private static void object(JsonNode n, String where) {
        if (!n.isObject()) {
            throw ApiException.serialization("'" + where + "' must be an object.");
        }
    }

    private static void supported(JsonNode n, Set<String> members, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!members.contains(f.getKey()) && !ServiceRequests.empty(f.getValue())) {
                throw ApiException.invalidParameter("Gantry does not support '" + where + "." + f.getKey()
                        + "' yet. Remove it; see docs/compat/ecs.md for what Service Connect supports.");
            }
        }
    }
}
