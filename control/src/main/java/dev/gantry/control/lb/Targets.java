package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.TargetGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RegisterTargets, DeregisterTargets, DescribeTargetHealth and the end of drains, below the wire. A target's port
 * defaults to its group's; deregistering starts a drain of the group's deregistration delay, whose end is stored
 * ({@link #removeDrained} runs after it, also after a restart).
 */
public final class Targets {
    private static final Logger LOG = LoggerFactory.getLogger(Targets.class);
    static final int MAX_TARGETS = 1000;

    static final String NONE = "Give at least one target (Targets.member.1.Id).";
    static final String NOT_REGISTERED = "The following targets are not registered in target group '%s': %s."
            + " Check them with DescribeTargetHealth.";
    static final String TOO_MANY = "A target group can have at most " + MAX_TARGETS + " targets.";

    private final LbContext ctx;

    public Targets(LbContext ctx) {
        this.ctx = ctx;
    }

    private static Target target(TargetGroup group, TargetInput in) {
        LbNames.checkIp(in.id());
        return new Target(in.id(), in.port().orElse(group.port()));
    }

    public void register(String groupArn, List<TargetInput> targets) {
        TargetGroup group = ctx.targetGroup(groupArn);
        if (targets.isEmpty()) {
            throw LbFailures.validation(NONE);
        }
        Instant now = ctx.clock().instant();
        Set<RegisteredTarget> wanted = new LinkedHashSet<>();
        for (TargetInput in : targets) {
            Target t = target(group, in);
            wanted.add(new RegisteredTarget(groupArn, t.ip(), t.port(), now, Optional.empty()));
        }
        if (ctx.groups().targets(groupArn).size() + wanted.size() > MAX_TARGETS) {
            throw new ApiException(LbError.TOO_MANY_TARGETS, TOO_MANY);
        }
        List<RegisteredTarget> added = ctx.groups().register(groupArn, wanted);
        if (!added.isEmpty()) {
            LOG.atInfo()
                    .addKeyValue("targetGroupArn", groupArn)
                    .addKeyValue(
                            "targets",
                            added.stream().map(t -> t.ip() + ":" + t.port()).toList())
                    .log("targets registered");
            ctx.routing().publish();
            ctx.changes().fire(groupArn);
        }
    }

    public void deregister(String groupArn, List<TargetInput> targets) {
        TargetGroup group = ctx.targetGroup(groupArn);
        if (targets.isEmpty()) {
            throw LbFailures.validation(NONE);
        }
        Map<Target, RegisteredTarget> registered = byTarget(groupArn);
        List<RegisteredTarget> leaving = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (TargetInput in : targets) {
            Target t = target(group, in);
            RegisteredTarget r = registered.get(t);
            if (r == null) {
                unknown.add(t.ip() + ":" + t.port());
            } else {
                leaving.add(r);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(
                    LbError.INVALID_TARGET, String.format(NOT_REGISTERED, groupArn, String.join(", ", unknown)));
        }
        Instant until = ctx.clock().instant().plus(group.deregistrationDelay());
        if (ctx.groups().deregister(groupArn, leaving, until) > 0) {
            LOG.atInfo()
                    .addKeyValue("targetGroupArn", groupArn)
                    .addKeyValue(
                            "targets",
                            leaving.stream().map(t -> t.ip() + ":" + t.port()).toList())
                    .addKeyValue("drainingUntil", until)
                    .log("targets draining");
            ctx.routing().publish();
            ctx.changes().fire(groupArn);
        }
    }

    private Map<Target, RegisteredTarget> byTarget(String groupArn) {
        return ctx.groups().targets(groupArn).stream()
                .collect(Collectors.toMap(r -> new Target(r.ip(), r.port()), Function.identity()));
    }

    /** The health of the targets named, or of every target in the group. */
    public List<TargetHealthDescription> health(String groupArn, List<TargetInput> targets) {
        TargetGroup group = ctx.targetGroup(groupArn);
        Map<Target, RegisteredTarget> registered = byTarget(groupArn);
        boolean inUse = !ctx.lbs().loadBalancersOf(groupArn).isEmpty();
        List<Target> asked = new ArrayList<>();
        if (targets.isEmpty()) {
            asked.addAll(registered.keySet());
            asked.sort(java.util.Comparator.comparing(Target::ip).thenComparing(Target::port));
        } else {
            targets.forEach(in -> asked.add(target(group, in)));
        }
        List<TargetHealthDescription> out = new ArrayList<>();
        for (Target t : asked) {
            TargetHealth h = HealthReport.of(
                    group,
                    Optional.ofNullable(registered.get(t)),
                    inUse,
                    ctx.health().health(groupArn, t));
            out.add(new TargetHealthDescription(t, healthCheckPort(group, t), h));
        }
        return out;
    }

    private static String healthCheckPort(TargetGroup group, Target t) {
        return String.valueOf(group.healthCheck().portFor(t.port()));
    }

    /** Removes targets whose drain has ended; returns how many. */
    public int removeDrained() {
        List<RegisteredTarget> gone = ctx.groups().removeDrained(ctx.clock().instant());
        if (!gone.isEmpty()) {
            LOG.atInfo()
                    .addKeyValue(
                            "targets",
                            gone.stream().map(t -> t.ip() + ":" + t.port()).toList())
                    .log("drained targets removed");
            ctx.routing().publish();
            gone.stream().map(RegisteredTarget::targetGroupArn).distinct().forEach(ctx.changes()::fire);
        }
        return gone.size();
    }
}
