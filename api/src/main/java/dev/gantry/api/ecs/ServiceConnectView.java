package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.service.ServiceConnect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deployment's {@code serviceConnectConfiguration} and {@code serviceConnectResources} in ECS's shapes. The
 * resources' {@code discoveryArn} is the Cloud Map service ECS would create for each discovery name: a stable
 * {@code srv-} id derived from the namespace ARN and the name (Gantry does not create it in Cloud Map yet).
 */
final class ServiceConnectView {
    private ServiceConnectView() {}

    static void render(ObjectNode deployment, ServiceConnect sc) {
        ObjectNode c = deployment.putObject("serviceConnectConfiguration");
        c.put("enabled", sc.enabled());
        sc.namespaceArn().ifPresent(ns -> c.put("namespace", ns));
        if (!sc.services().isEmpty()) {
            ArrayNode services = c.putArray("services");
            for (ServiceConnect.Endpoint e : sc.services()) {
                ObjectNode s = services.addObject().put("portName", e.portName());
                e.discoveryName().ifPresent(d -> s.put("discoveryName", d));
                if (!e.clientAliases().isEmpty()) {
                    ArrayNode aliases = s.putArray("clientAliases");
                    for (ServiceConnect.ClientAlias a : e.clientAliases()) {
                        ObjectNode o = aliases.addObject().put("port", a.port());
                        a.dnsName().ifPresent(d -> o.put("dnsName", d));
                    }
                }
                e.ingressPortOverride().ifPresent(p -> s.put("ingressPortOverride", p));
                e.timeout().ifPresent(t -> {
                    ObjectNode o = s.putObject("timeout");
                    t.idleTimeoutSeconds().ifPresent(v -> o.put("idleTimeoutSeconds", v));
                    t.perRequestTimeoutSeconds().ifPresent(v -> o.put("perRequestTimeoutSeconds", v));
                });
            }
        }
        sc.logConfiguration()
                .ifPresent(l -> c.set(
                        "logConfiguration",
                        dev.gantry.api.protocol.Json.mapper().valueToTree(l)));
        if (sc.enabled() && !sc.services().isEmpty()) {
            ArrayNode resources = deployment.putArray("serviceConnectResources");
            String ns = sc.namespaceArn().orElseThrow();
            for (ServiceConnect.Endpoint e : sc.services()) {
                String name = e.effectiveDiscoveryName();
                resources.addObject().put("discoveryName", name).put("discoveryArn", discoveryArn(ns, name));
            }
        }
    }

    static String discoveryArn(String namespaceArn, String discoveryName) {
        int slash = namespaceArn.indexOf(":namespace/");
        String prefix = slash < 0 ? namespaceArn : namespaceArn.substring(0, slash);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((namespaceArn + "/" + discoveryName).getBytes(StandardCharsets.UTF_8));
            return prefix + ":service/srv-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
