package dev.gantry.router.match;

import dev.gantry.router.table.Action;
import dev.gantry.router.table.Rule;
import java.util.List;
import java.util.function.Predicate;

/**
 * A listener's rules compiled once per routing table: evaluated by ascending priority, the first rule whose
 * conditions all match gives the action; none matching gives the default action.
 */
public final class RuleSet {
    private record Compiled(List<Predicate<RequestFacts>> conditions, Action action) {}

    private final List<Compiled> rules;
    private final Action defaultAction;

    public RuleSet(List<Rule> rules, Action defaultAction) {
        this.rules = rules.stream()
                .map(r -> new Compiled(
                        r.conditions().stream().map(Conditions::compile).toList(), r.action()))
                .toList();
        this.defaultAction = defaultAction;
    }

    public Action route(RequestFacts facts) {
        for (Compiled rule : rules) {
            if (allMatch(rule.conditions(), facts)) {
                return rule.action();
            }
        }
        return defaultAction;
    }

    private static boolean allMatch(List<Predicate<RequestFacts>> conditions, RequestFacts facts) {
        for (Predicate<RequestFacts> c : conditions) {
            if (!c.test(facts)) {
                return false;
            }
        }
        return true;
    }
}
