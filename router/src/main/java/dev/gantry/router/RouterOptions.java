package dev.gantry.router;

import dev.gantry.router.state.TargetWaiter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The router's process-wide settings (not part of any table). {@code ioThreads} 0 means one per core.
 * {@code targetTimeout}: how long a target may stay silent during a request before the client gets 504 (ALB's idle
 * timeout, 60 s). {@code clientIdleTimeout}: an idle client connection is closed after it (60 s); so is a relay (TCP listener,
 * WebSocket, h2c) that carried no byte either way for as long.
 * {@code poolIdleTimeout}: a kept-alive target connection unused for this long is closed (4 s: shorter than the
 * keep-alive timeout of common servers, e.g. Node's 5 s, so the router rarely reuses one the target is closing).
 * {@code maxIdlePerTarget}: kept-alive target connections per target and I/O thread. {@code waiter}: the
 * scale-to-zero hook, {@link TargetWaiter#NONE} by default.
 */
public record RouterOptions(
        int ioThreads,
        Duration connectTimeout,
        Duration targetTimeout,
        Duration clientIdleTimeout,
        Duration poolIdleTimeout,
        int maxIdlePerTarget,
        InstantSource clock,
        TargetWaiter waiter) {

    public RouterOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(targetTimeout, "targetTimeout");
        Objects.requireNonNull(clientIdleTimeout, "clientIdleTimeout");
        Objects.requireNonNull(poolIdleTimeout, "poolIdleTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(waiter, "waiter");
        if (ioThreads < 0 || maxIdlePerTarget < 0) {
            throw new IllegalArgumentException("ioThreads and maxIdlePerTarget must not be negative");
        }
        if (poolIdleTimeout.isNegative() || poolIdleTimeout.isZero()) {
            throw new IllegalArgumentException("poolIdleTimeout must be positive, was " + poolIdleTimeout);
        }
    }

    public static RouterOptions defaults() {
        return new RouterOptions(
                0,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                Duration.ofSeconds(4),
                64,
                InstantSource.system(),
                TargetWaiter.NONE);
    }

    public RouterOptions withTargetTimeout(Duration timeout) {
        return new RouterOptions(
                ioThreads,
                connectTimeout,
                timeout,
                clientIdleTimeout,
                poolIdleTimeout,
                maxIdlePerTarget,
                clock,
                waiter);
    }

    public RouterOptions withIoThreads(int threads) {
        return new RouterOptions(
                threads,
                connectTimeout,
                targetTimeout,
                clientIdleTimeout,
                poolIdleTimeout,
                maxIdlePerTarget,
                clock,
                waiter);
    }

    public RouterOptions withWaiter(TargetWaiter newWaiter) {
        return new RouterOptions(
                ioThreads,
                connectTimeout,
                targetTimeout,
                clientIdleTimeout,
                poolIdleTimeout,
                maxIdlePerTarget,
                clock,
                newWaiter);
    }

    public RouterOptions withPoolIdleTimeout(Duration timeout) {
        return new RouterOptions(
                ioThreads, connectTimeout, targetTimeout, clientIdleTimeout, timeout, maxIdlePerTarget, clock, waiter);
    }

    public RouterOptions withConnectTimeout(Duration timeout) {
        return new RouterOptions(
                ioThreads, timeout, targetTimeout, clientIdleTimeout, poolIdleTimeout, maxIdlePerTarget, clock, waiter);
    }

    public RouterOptions withClientIdleTimeout(Duration timeout) {
        return new RouterOptions(
                ioThreads, connectTimeout, targetTimeout, timeout, poolIdleTimeout, maxIdlePerTarget, clock, waiter);
    }
}
