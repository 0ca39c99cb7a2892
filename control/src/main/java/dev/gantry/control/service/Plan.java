package dev.gantry.control.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What one planner pass decided, and when to look again even if nothing happens. */
public record Plan(List<Action> actions, Optional<Duration> requeueAfter) {
    public Plan {
        actions = List.copyOf(actions);
        requeueAfter = requeueAfter == null ? Optional.empty() : requeueAfter;
    }

    public <A extends Action> List<A> all(Class<A> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
