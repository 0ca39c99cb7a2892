package dev.gantry.core.service;

import dev.gantry.core.id.IdSource;
import java.math.BigInteger;
import java.time.Duration;

/** The arithmetic of ECS deployments (facts §6.1, §6.2), pure. */
public final class DeploymentMath {
    private static final BigInteger TEN_POW_19 = BigInteger.TEN.pow(19);
    /** Failures in a row before launches back off. */
    public static final int BACKOFF_AFTER_FAILURES = 3;

    static final Duration BACKOFF_BASE = Duration.ofSeconds(5);
    static final Duration BACKOFF_CAP = Duration.ofMinutes(5);

    private DeploymentMath() {}

    /** The fewest tasks that must stay healthy: ceil(desired × minimumHealthyPercent / 100). */
    public static int lowerBound(int desiredCount, int minimumHealthyPercent) {
        return (int) Math.ceilDiv((long) desiredCount * minimumHealthyPercent, 100L);
    }

    /** The most tasks that may be RUNNING or PENDING: floor(desired × maximumPercent / 100). */
    public static int upperBound(int desiredCount, int maximumPercent) {
        return (int) Math.floorDiv((long) desiredCount * maximumPercent, 100L);
    }

    /**
     * The circuit breaker's failure threshold: ECS's default BOUNDED_PERCENT 50, ceil(0.5 × desired) clamped to
     * [3, 200].
     */
    public static int circuitBreakerThreshold(int desiredCount) {
        int half = (int) Math.ceilDiv((long) desiredCount, 2L);
        return Math.max(3, Math.min(200, half));
    }

    /**
     * How long to wait before launching again after {@code consecutiveFailures} tasks of a deployment failed in a
     * row: nothing below {@link #BACKOFF_AFTER_FAILURES}, then 5 s doubling to 5 min.
     */
    public static Duration launchBackoff(int consecutiveFailures) {
        if (consecutiveFailures < BACKOFF_AFTER_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - BACKOFF_AFTER_FAILURES, 16);
        Duration d = BACKOFF_BASE.multipliedBy(1L << doublings);
        return d.compareTo(BACKOFF_CAP) > 0 ? BACKOFF_CAP : d;
    }

    /** A new deployment id, {@code ecs-svc/} and 19 digits, as ECS makes them (the service tasks' startedBy). */
    public static String deploymentId(IdSource ids) {
        String digits = new BigInteger(ids.taskId(), 16).mod(TEN_POW_19).toString();
        return "ecs-svc/" + "0".repeat(19 - digits.length()) + digits;
    }

    /** The digits of a deployment id (what ARNs of service deployments end with). */
    public static String deploymentNumber(String deploymentId) {
        return deploymentId.substring(deploymentId.indexOf('/') + 1);
    }
}
