package dev.gantry.router.table;

import java.util.Objects;

/** One registered target of an ip-type target group: an address and the port traffic goes to. */
public record Target(String ip, int port) {
    public Target {
        Objects.requireNonNull(ip, "ip");
        if (ip.isBlank()) {
            throw new IllegalArgumentException("a target needs an IP address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("target port must be 1-65535, was " + port + " for " + ip);
        }
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
