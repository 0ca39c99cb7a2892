package dev.gantry.router.state;

import dev.gantry.router.match.RequestFacts;
import dev.gantry.router.match.RuleSet;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.Listener;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One listener of a compiled table: its rules, ready to evaluate, and a weighted picker per forward action over the
 * live {@link GroupState}s it names.
 */
public final class ListenerRoutes {
    private final Listener listener;
    private final RuleSet rules;
    private final Map<Action.Forward, WeightedPicker<GroupState>> pickers = new IdentityHashMap<>();

    ListenerRoutes(Listener listener, Map<String, GroupState> groups) {
        this.listener = listener;
        this.rules = new RuleSet(listener.rules(), listener.defaultAction());
        listener.rules().forEach(r -> addPicker(r.action(), groups));
        addPicker(listener.defaultAction(), groups);
    }

    private void addPicker(Action action, Map<String, GroupState> groups) {
        if (action instanceof Action.Forward forward) {
            pickers.put(
                    forward,
                    new WeightedPicker<>(
                            forward.groups().stream()
                                    .map(g -> groups.get(g.targetGroupId()))
                                    .toList(),
                            forward.groups().stream()
                                    .map(Action.WeightedGroup::weight)
                                    .toList()));
        }
    }

    public Listener listener() {
        return listener;
    }

    /** The action for a request: first matching rule by priority, else the default. */
    public Action route(RequestFacts facts) {
        return rules.route(facts);
    }

    /** The target group this request goes to, by the forward action's weights. */
    public GroupState pick(Action.Forward forward) {
        return pickers.get(forward).next();
    }
}
