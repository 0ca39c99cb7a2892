package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.RuleCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Create/Describe/Modify/DeleteRule and SetRulePriorities below the wire. A listener's default rule is its
 * default actions: it can be described and its actions modified, never deleted, given conditions or a priority.
 */
public final class Rules {
    static final int MAX_RULES = 100;

    static final String NLB = "Listener '%s' belongs to a Network Load Balancer, whose listeners have no rules;"
            + " only Application Load Balancer listeners do.";
    static final String PRIORITY_REQUIRED = "A rule needs a Priority from 1 to 50000 (lower is evaluated first).";
    static final String IN_USE = "Priority %d is already in use by rule '%s' of this listener; choose another or"
            + " move that rule with SetRulePriorities.";
    static final String TOO_MANY = "A listener can have at most " + MAX_RULES + " rules besides its default rule.";
    static final String DEFAULT_CONDITIONS = "The default rule of a listener has no conditions; modify only its"
            + " actions, or create a rule with a priority.";
    static final String DEFAULT_DELETE = "The default rule of a listener cannot be deleted; delete the listener, or"
            + " change its default actions with ModifyListener.";
    static final String DEFAULT_PRIORITY = "The priority of a listener's default rule cannot be set.";
    static final String TWICE = "Rule '%s' is given twice; give each rule one priority.";
    static final String NOTHING = "Give Conditions, Actions or both to modify a rule.";

    private final LbContext ctx;

    public Rules(LbContext ctx) {
        this.ctx = ctx;
    }

    private Listener listener(String arn) {
        return ctx.lbs().listener(arn).orElseThrow(() -> LbFailures.listenerNotFound(arn));
    }

    private LoadBalancer albOf(Listener l) {
        LoadBalancer lb = ctx.loadBalancer(l.loadBalancerArn());
        if (!lb.isApplication()) {
            throw new ApiException(LbError.INVALID_CONFIGURATION_REQUEST, String.format(NLB, l.arn()));
        }
        return lb;
    }

    public RuleView create(
            String listenerArn,
            Optional<Integer> priority,
            List<RuleCondition> conditions,
            List<Action> actions,
            List<LbTag> tags) {
        Listener l = listener(listenerArn);
        LoadBalancer lb = albOf(l);
        int p = priority.orElseThrow(() -> LbFailures.validation(PRIORITY_REQUIRED));
        ConditionRules.check(conditions);
        ActionRules.check(actions, lb, ctx.groups()::find, ctx.lbs()::loadBalancersOf);
        LbNames.checkTags(tags, 0);
        if (ctx.lbs().rules(l.arn()).size() >= MAX_RULES) {
            throw new ApiException(LbError.TOO_MANY_RULES, TOO_MANY);
        }
        Rule rule = new Rule(ctx.arns().rule(l.arn(), ctx.newId()), l.arn(), p, conditions, actions);
        ctx.lbs().insertRule(rule, lb.arn(), tags).ifPresent(holder -> {
            throw new ApiException(LbError.PRIORITY_IN_USE, String.format(IN_USE, p, holder.arn()));
        });
        ctx.routing().publish();
        return view(rule);
    }

    static RuleView view(Rule r) {
        return new RuleView(r.arn(), Optional.of(r.priority()), r.conditions(), r.actions(), false);
    }

    static RuleView defaultRule(Listener l) {
        return new RuleView(l.defaultRuleArn(), Optional.empty(), List.of(), l.defaultActions(), true);
    }

    /** A listener's rules in priority order, its default rule last; or the rules named. */
    public List<RuleView> describe(Optional<String> listenerArn, List<String> ruleArns) {
        if (listenerArn.isPresent() == !ruleArns.isEmpty()) {
            throw LbFailures.validation("Give either ListenerArn or RuleArns.");
        }
        List<RuleView> out = new ArrayList<>();
        if (listenerArn.isPresent()) {
            Listener l = listener(listenerArn.get());
            ctx.lbs().rules(l.arn()).forEach(r -> out.add(view(r)));
            out.add(defaultRule(l));
            return out;
        }
        ruleArns.forEach(a -> out.add(find(a)));
        return out;
    }

    private RuleView find(String ruleArn) {
        Optional<Rule> rule = ctx.lbs().rule(ruleArn);
        if (rule.isPresent()) {
            return view(rule.get());
        }
        return defaultListenerOf(ruleArn).map(Rules::defaultRule).orElseThrow(() -> LbFailures.ruleNotFound(ruleArn));
    }

    /** The listener whose default rule {@code ruleArn} is. */
    private Optional<Listener> defaultListenerOf(String ruleArn) {
        int slash = ruleArn.lastIndexOf('/');
        if (!ruleArn.contains(":listener-rule/") || slash < 0) {
            return Optional.empty();
        }
        String listenerArn = ruleArn.substring(0, slash).replace(":listener-rule/", ":listener/");
        return ctx.lbs().listener(listenerArn).filter(l -> l.defaultRuleArn().equals(ruleArn));
    }

    public RuleView modify(String ruleArn, Optional<List<RuleCondition>> conditions, Optional<List<Action>> actions) {
        if (conditions.isEmpty() && actions.isEmpty()) {
            throw LbFailures.validation(NOTHING);
        }
        Optional<Rule> rule = ctx.lbs().rule(ruleArn);
        if (rule.isEmpty()) {
            Listener l = defaultListenerOf(ruleArn).orElseThrow(() -> LbFailures.ruleNotFound(ruleArn));
            if (conditions.isPresent()) {
                throw new ApiException(LbError.OPERATION_NOT_PERMITTED, DEFAULT_CONDITIONS);
            }
            LoadBalancer lb = ctx.loadBalancer(l.loadBalancerArn());
            ActionRules.check(actions.get(), lb, ctx.groups()::find, ctx.lbs()::loadBalancersOf);
            Listener changed = l.with(l.port(), l.protocol(), actions.get());
            ctx.lbs().updateListener(changed);
            ctx.routing().publish();
            return defaultRule(changed);
        }
        Rule r = rule.get();
        Listener l = listener(r.listenerArn());
        LoadBalancer lb = albOf(l);
        conditions.ifPresent(ConditionRules::check);
        actions.ifPresent(a -> ActionRules.check(a, lb, ctx.groups()::find, ctx.lbs()::loadBalancersOf));
        Rule changed = new Rule(
                r.arn(), r.listenerArn(), r.priority(), conditions.orElse(r.conditions()), actions.orElse(r.actions()));
        ctx.lbs().updateRule(changed, lb.arn());
        ctx.routing().publish();
        return view(changed);
    }

    public void delete(String ruleArn) {
        if (ctx.lbs().rule(ruleArn).isEmpty()) {
            if (defaultListenerOf(ruleArn).isPresent()) {
                throw new ApiException(LbError.OPERATION_NOT_PERMITTED, DEFAULT_DELETE);
            }
            throw LbFailures.ruleNotFound(ruleArn);
        }
        ctx.lbs().deleteRule(ruleArn);
        ctx.routing().publish();
    }

    /** Moves the rules to their new priorities, all or none; returns them. */
    public List<RuleView> setPriorities(List<Map.Entry<String, Integer>> priorities) {
        Map<String, Integer> moves = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : priorities) {
            if (ctx.lbs().rule(e.getKey()).isEmpty()) {
                if (defaultListenerOf(e.getKey()).isPresent()) {
                    throw new ApiException(LbError.OPERATION_NOT_PERMITTED, DEFAULT_PRIORITY);
                }
                throw LbFailures.ruleNotFound(e.getKey());
            }
            if (moves.put(e.getKey(), e.getValue()) != null) {
                throw LbFailures.validation(String.format(TWICE, e.getKey()));
            }
        }
        ctx.lbs().setPriorities(moves).ifPresent(holder -> {
            throw new ApiException(LbError.PRIORITY_IN_USE, String.format(IN_USE, holder.priority(), holder.arn()));
        });
        ctx.routing().publish();
        List<RuleView> out = new ArrayList<>();
        moves.keySet().forEach(a -> out.add(view(ctx.lbs().rule(a).orElseThrow())));
        return out;
    }
}
