package dev.gantry.control.firewall;

import java.util.Objects;

/**
 * One way a task may open a connection to another, for {@code gantry net}: {@code protocol} ({@code all}, tcp, udp,
 * icmp) and {@code ports} ({@code all}, {@code 8080}, {@code 8000-8099}) as both the client's egress and the
 * server's ingress allow them.
 */
public record Reach(String fromTaskId, String toTaskId, String protocol, String ports) {
    public Reach {
        Objects.requireNonNull(fromTaskId, "fromTaskId");
        Objects.requireNonNull(toTaskId, "toTaskId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
    }
}
