package dev.gantry.core.lb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A target in a group: an IP and port, since when, and, once deregistered, until when it drains (then it is
 * gone). The deadline is stored, so a restart does not forget a drain.
 */
public record RegisteredTarget(
        String targetGroupArn, String ip, int port, Instant registeredAt, Optional<Instant> drainingUntil) {
    public RegisteredTarget {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(drainingUntil, "drainingUntil");
    }

    public boolean draining() {
        return drainingUntil.isPresent();
    }
}
