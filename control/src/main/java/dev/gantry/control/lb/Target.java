package dev.gantry.control.lb;

import java.util.Objects;

/** A target of type {@code ip}: an address and port, as RegisterTargets names it. */
public record Target(String ip, int port) {
    public Target {
        Objects.requireNonNull(ip, "ip");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535: " + port);
        }
    }
}
