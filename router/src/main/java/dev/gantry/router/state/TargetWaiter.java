package dev.gantry.router.state;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The scale-to-zero hook (docs/adr/0009): asked, on the I/O thread, when a request is forwarded to a target group
 * with no target to send to: none at all, or only targets still in their initial health checks (a waiter other than
 * {@link #NONE} keeps those out of ALB's fail-open). It must not block. Completing with {@code true} says the group now has a target and the
 * request is routed again; {@code false} (or a failure) answers 503 as ALB does. While it waits the client's
 * connection is not read from, so the request is held by TCP back-pressure, not buffered in memory.
 */
@FunctionalInterface
public interface TargetWaiter {
    /** ALB's behaviour: no waiting, 503 at once. */
    TargetWaiter NONE = targetGroupId -> CompletableFuture.completedFuture(false);

    CompletionStage<Boolean> awaitTarget(String targetGroupId);
}
