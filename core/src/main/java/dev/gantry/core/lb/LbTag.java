package dev.gantry.core.lb;

import java.util.Objects;

/** A tag on an ELBv2 resource (load balancer, target group, listener or rule). */
public record LbTag(String key, String value) {
    public LbTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
