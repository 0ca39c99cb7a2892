package dev.gantry.runtime.spi;

import java.util.Objects;

/**
 * An engine network tasks' sandboxes can join: {@code name}, exactly the IPv4 range {@code cidr} with the host's
 * address {@code gateway} on it, and {@code internal} (no route off the engine's networks) or not.
 */
public record NetworkSpec(String name, String cidr, String gateway, boolean internal) {
    public NetworkSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(gateway, "gateway");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a network needs a name");
        }
    }
}
