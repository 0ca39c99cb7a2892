package dev.gantry.control.serviceconnect;

import java.util.List;

/**
 * Makes each client alias's virtual address and port reach its router listener from the task networks (the server's
 * implementation: an iptables DNAT rule per alias, ADR 16). {@link #apply} gets the whole wanted set after every plan,
 * so an implementation applies only the differences (and picks up subnets created meanwhile).
 */
public interface AliasRedirects {
    /** No redirects (no engine network, or not root): aliases resolve but do not connect. */
    AliasRedirects NONE = wanted -> {};

    /** One redirect: {@code virtualIp:port} → {@code listenerHost:listenerPort}. */
    record Redirect(String virtualIp, int port, String listenerHost, int listenerPort) {}

    void apply(List<Redirect> wanted);
}
