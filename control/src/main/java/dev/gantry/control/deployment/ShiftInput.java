package dev.gantry.control.deployment;

import dev.gantry.core.service.TrafficShift;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the traffic planner decides from: the deployment's shift as stored, whether all of green's desired tasks are
 * healthy in their target groups, whether blue has no live task left, whether the circuit breaker tripped, the answer
 * ContinueServiceDeployment gave to the hook awaiting one (if any), the time, and how long a "minute" of the API
 * lasts (60 s; shorter only as a testing knob).
 */
public record ShiftInput(
        TrafficShift shift,
        boolean greenReady,
        boolean blueGone,
        boolean failed,
        Optional<HookAnswer> answer,
        Instant now,
        Duration minute) {
    public ShiftInput {
        Objects.requireNonNull(shift, "shift");
        answer = answer == null ? Optional.empty() : answer;
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(minute, "minute");
    }

    /** ContinueServiceDeployment's answer to a paused hook: CONTINUE or ROLLBACK. */
    public record HookAnswer(String hookId, String action) {
        public HookAnswer {
            Objects.requireNonNull(hookId, "hookId");
            Objects.requireNonNull(action, "action");
        }
    }
}
