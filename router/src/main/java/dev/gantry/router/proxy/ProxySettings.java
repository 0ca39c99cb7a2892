package dev.gantry.router.proxy;

import dev.gantry.router.state.Snapshot;
import dev.gantry.router.state.TargetWaiter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the data plane needs from the router: the current snapshot and its limits. {@code targetTimeout} is how long
 * a target may stay silent during a request (then 504); {@code clientIdleTimeout} closes an idle client connection
 * (ALB's idle timeout); {@code poolIdleTimeout} closes a target connection unused in the pool;
 * {@code maxIdlePerTarget} bounds the kept-alive connections per target and event loop.
 */
public record ProxySettings(
        Supplier<Snapshot> snapshots,
        Duration connectTimeout,
        Duration targetTimeout,
        Duration clientIdleTimeout,
        Duration poolIdleTimeout,
        int maxIdlePerTarget,
        InstantSource clock,
        TargetWaiter waiter) {
    public ProxySettings {
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(targetTimeout, "targetTimeout");
        Objects.requireNonNull(clientIdleTimeout, "clientIdleTimeout");
        Objects.requireNonNull(poolIdleTimeout, "poolIdleTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(waiter, "waiter");
    }
}
