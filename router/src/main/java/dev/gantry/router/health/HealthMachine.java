package dev.gantry.router.health;

import dev.gantry.router.table.HealthCheck;
import java.util.Optional;

/**
 * The per-target health state machine, pure (ELBv2's behaviour; HealthMachineTest is its table):
 *
 * <pre>
 *  registered ──(group on a listener)──► initial/Elb.RegistrationInProgress
 *  registered ──(group on no listener)─► unused/Target.NotInUse ◄──(group leaves its listeners)── any but draining
 *  initial ──probe──► initial/Elb.InitialHealthChecking until a threshold is reached
 *  initial|unhealthy ──healthyThreshold passes in a row──► healthy
 *  initial|healthy ──unhealthyThreshold failures in a row──► unhealthy/(reason of the last failure)
 *  any ──deregistered──► draining/Target.DeregistrationInProgress ──(delay elapsed)──► gone
 * </pre>
 *
 * A failure's reason: a rejected status is Target.ResponseCodeMismatch (its description names the code), no answer
 * in time is Target.Timeout, anything else (refused, reset, malformed) Target.FailedHealthChecks.
 */
public final class HealthMachine {
    private HealthMachine() {}

    /** A newly registered target. */
    public static HealthStatus registered(boolean inUse) {
        return inUse
                ? HealthStatus.of(TargetState.INITIAL, HealthReason.REGISTRATION_IN_PROGRESS)
                : HealthStatus.of(TargetState.UNUSED, HealthReason.NOT_IN_USE);
    }

    /** The target's group joined or left every listener. */
    public static HealthStatus inUse(HealthStatus current, boolean inUse) {
        if (current.state() == TargetState.DRAINING) {
            return current;
        }
        if (!inUse) {
            return current.state() == TargetState.UNUSED ? current : registered(false);
        }
        return current.state() == TargetState.UNUSED ? registered(true) : current;
    }

    /** The target was deregistered: it drains. */
    public static HealthStatus deregistered(HealthStatus current) {
        return current.state() == TargetState.DRAINING
                ? current
                : HealthStatus.of(TargetState.DRAINING, HealthReason.DEREGISTRATION_IN_PROGRESS);
    }

    /** A probe finished. Draining and unused targets are not probed; a late result leaves them as they are. */
    public static HealthStatus probed(HealthStatus current, ProbeResult result, HealthCheck check) {
        if (current.state() == TargetState.DRAINING || current.state() == TargetState.UNUSED) {
            return current;
        }
        if (result.passed()) {
            int passes = current.passes() + 1;
            if (current.state() == TargetState.HEALTHY || passes >= check.healthyThreshold()) {
                return new HealthStatus(TargetState.HEALTHY, Optional.empty(), Optional.empty(), passes, 0);
            }
            return counting(current.state(), current, passes, 0);
        }
        int failures = current.failures() + 1;
        if (current.state() == TargetState.UNHEALTHY || failures >= check.unhealthyThreshold()) {
            HealthReason reason = reason(result);
            String description = reason == HealthReason.RESPONSE_CODE_MISMATCH
                    ? reason.description()
                            .formatted(result.statusCode().map(String::valueOf).orElse(""))
                    : reason.description();
            return new HealthStatus(TargetState.UNHEALTHY, Optional.of(reason), Optional.of(description), 0, failures);
        }
        return counting(current.state(), current, 0, failures);
    }

    /** Below a threshold: an initial target says it is being checked; others keep their state and reason. */
    private static HealthStatus counting(TargetState state, HealthStatus current, int passes, int failures) {
        if (state == TargetState.INITIAL) {
            HealthReason r = HealthReason.INITIAL_HEALTH_CHECKING;
            return new HealthStatus(state, Optional.of(r), Optional.of(r.description()), passes, failures);
        }
        return new HealthStatus(state, current.reason(), current.description(), passes, failures);
    }

    private static HealthReason reason(ProbeResult result) {
        return switch (result.outcome()) {
            case WRONG_STATUS -> HealthReason.RESPONSE_CODE_MISMATCH;
            case TIMED_OUT -> HealthReason.TIMEOUT;
            case FAILED, PASSED -> HealthReason.FAILED_HEALTH_CHECKS;
        };
    }
}
