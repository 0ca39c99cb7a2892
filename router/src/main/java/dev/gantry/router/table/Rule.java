package dev.gantry.router.table;

import java.util.List;
import java.util.Objects;

/** A listener rule: evaluated by ascending priority (1-50000); all conditions must match. */
public record Rule(int priority, List<Condition> conditions, Action action) {
    public Rule {
        Objects.requireNonNull(action, "action");
        conditions = List.copyOf(conditions);
        if (priority < 1 || priority > 50000) {
            throw new IllegalArgumentException("rule priority must be 1-50000, was " + priority);
        }
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("rule " + priority + " needs at least one condition");
        }
    }
}
