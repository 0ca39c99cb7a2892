package dev.gantry.router.table;

import java.time.Duration;
import java.util.Objects;

/**
 * What a target group does about failing targets beyond health checks (Service Connect's proxy behaviour; ELBv2's
 * groups use {@link #NONE}): {@code connectRetries} other targets are tried when a connect fails (nothing was sent,
 * so any method may be retried); a target answering {@code ejectAfterFailures} 5xx or failed connects in a row is
 * ejected (picked only when nothing else is left) for {@code ejectionTime}, with at most {@code maxEjectionPercent}
 * of the group ejected at once; {@code requestTimeout} (zero: none) bounds the wait for a complete response (504).
 */
public record Resilience(
        int connectRetries,
        int ejectAfterFailures,
        Duration ejectionTime,
        int maxEjectionPercent,
        Duration requestTimeout) {

    /** No retries to another target, no ejection, no per-request timeout: ALB's behaviour. */
    public static final Resilience NONE = new Resilience(0, 0, Duration.ZERO, 0, Duration.ZERO);

    public Resilience {
        Objects.requireNonNull(ejectionTime, "ejectionTime");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectRetries < 0 || ejectAfterFailures < 0) {
            throw new IllegalArgumentException("retries and the ejection threshold cannot be negative");
        }
        if (maxEjectionPercent < 0 || maxEjectionPercent > 100) {
            throw new IllegalArgumentException("maxEjectionPercent must be 0-100, was " + maxEjectionPercent);
        }
        if (ejectionTime.isNegative() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("ejection time and request timeout cannot be negative");
        }
    }

    /** Whether targets are ever ejected. */
    public boolean ejects() {
        return ejectAfterFailures > 0 && maxEjectionPercent > 0 && !ejectionTime.isZero();
    }
}
