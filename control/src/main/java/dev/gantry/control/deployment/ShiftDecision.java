package dev.gantry.control.deployment;

import dev.gantry.core.service.TrafficShift;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The traffic planner's answer: the shift as it should now be stored (its stage, production share and hooks say
 * where the rules point and whether blue is being removed), and when to look again if nothing else happens.
 */
public record ShiftDecision(TrafficShift next, Optional<Instant> wakeAt) {
    public ShiftDecision {
        Objects.requireNonNull(next, "next");
        wakeAt = wakeAt == null ? Optional.empty() : wakeAt;
    }
}
