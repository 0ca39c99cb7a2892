package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.core.lb.WeightedTargetGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link TargetGroupRegistry} the service scheduler uses, on the same rules as the ELBv2 API: registering
 * and deregistering are RegisterTargets and DeregisterTargets (no-ops when already done), health is
 * DescribeTargetHealth's answer, and a health change is the {@link TargetHealthSource}'s.
 */
public final class LbTargetGroupRegistry implements TargetGroupRegistry {
    private final LbContext ctx;
    private final Targets targets;
    private final Rules rules;

    public LbTargetGroupRegistry(LbContext ctx) {
        this.ctx = ctx;
        this.targets = new Targets(ctx);
        this.rules = new Rules(ctx);
    }

    @Override
    public Optional<TargetGroupRef> targetGroup(String targetGroupArn) {
        return ctx.groups().find(targetGroupArn).map(this::ref);
    }

    private TargetGroupRef ref(TargetGroup g) {
        return new TargetGroupRef(
                g.arn(),
                g.name(),
                g.protocol(),
                g.port(),
                g.targetType(),
                ctx.lbs().loadBalancersOf(g.arn()),
                g.deregistrationDelay());
    }

    @Override
    public void register(String targetGroupArn, Target target) {
        targets.register(targetGroupArn, List.of(new TargetInput(target.ip(), Optional.of(target.port()))));
    }

    @Override
    public void deregister(String targetGroupArn, Target target) {
        boolean registered = ctx.groups().targets(targetGroupArn).stream()
                .anyMatch(t -> t.ip().equals(target.ip()) && t.port() == target.port() && !t.draining());
        if (registered) {
            targets.deregister(targetGroupArn, List.of(new TargetInput(target.ip(), Optional.of(target.port()))));
        }
    }

    @Override
    public TargetHealth health(String targetGroupArn, Target target) {
        if (ctx.groups().find(targetGroupArn).isEmpty()) {
            return TargetHealth.of(TargetState.UNUSED, "Target.NotRegistered", HealthReport.NOT_REGISTERED);
        }
        return targets.health(targetGroupArn, List.of(new TargetInput(target.ip(), Optional.of(target.port()))))
                .getFirst()
                .health();
    }

    @Override
    public AutoCloseable onHealthChange(Consumer<String> listener) {
        AutoCloseable checked = ctx.health().onChange(listener);
        AutoCloseable ours = ctx.changes().subscribe(listener);
        return () -> {
            try (checked) {
                ours.close();
            }
        };
    }

    @Override
    public Optional<ForwardRule> listenerRule(String ruleArn) {
        try {
            RuleView r = rules.describe(Optional.empty(), List.of(ruleArn)).getFirst();
            return Optional.of(new ForwardRule(
                    r.arn(),
                    r.actions().stream()
                            .filter(a -> a.type().equals(Action.FORWARD))
                            .findFirst()
                            .map(Action::targetGroups)
                            .orElse(List.of())));
        } catch (ApiException notFound) {
            return Optional.empty();
        }
    }

    @Override
    public void forward(String ruleArn, List<WeightedTargetGroup> groups) {
        RuleView r = rules.describe(Optional.empty(), List.of(ruleArn)).getFirst();
        List<Action> actions = new ArrayList<>();
        boolean changed = false;
        for (Action a : r.actions()) {
            if (a.type().equals(Action.FORWARD) && !a.targetGroups().equals(groups)) {
                actions.add(Action.forward(a.order(), groups, a.stickinessSeconds()));
                changed = true;
            } else {
                actions.add(a);
            }
        }
        if (changed) {
            rules.modify(ruleArn, Optional.empty(), Optional.of(actions));
        }
    }
}
