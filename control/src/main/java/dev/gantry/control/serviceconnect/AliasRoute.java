package dev.gantry.control.serviceconnect;

import java.util.Objects;

/**
 * One client alias made real: in {@code namespaceArn}, {@code dnsName} resolves (in the client tasks' /etc/hosts)
 * to {@code virtualIp}; traffic to {@code virtualIp:port} is redirected to the router listener {@code listenerId},
 * which forwards to target group {@code groupId} (the endpoint's tasks).
 */
public record AliasRoute(
        String namespaceArn, String dnsName, int port, String virtualIp, String listenerId, String groupId) {
    public AliasRoute {
        Objects.requireNonNull(namespaceArn, "namespaceArn");
        Objects.requireNonNull(dnsName, "dnsName");
        Objects.requireNonNull(virtualIp, "virtualIp");
        Objects.requireNonNull(listenerId, "listenerId");
        Objects.requireNonNull(groupId, "groupId");
    }
}
