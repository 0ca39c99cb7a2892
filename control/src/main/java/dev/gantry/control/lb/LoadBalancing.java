package dev.gantry.control.lb;

import dev.gantry.core.id.IdSource;
import dev.gantry.core.lb.LbArns;
import dev.gantry.store.lb.LbStore;
import dev.gantry.store.lb.LbTagStore;
import dev.gantry.store.lb.TargetGroupStore;
import java.time.InstantSource;

/**
 * Load balancing below the wire, in one object for the wiring: the ELBv2 operations ({@link #loadBalancers()},
 * {@link #listeners()}, {@link #rules()}, {@link #targetGroups()}, {@link #targets()}, {@link #tags()}), the
 * {@link TargetGroupRegistry} for the service scheduler, and the routing snapshots for the data plane
 * ({@link #start()} publishes the first).
 */
public final class LoadBalancing {
    private final LbContext ctx;
    private final LoadBalancers loadBalancers;
    private final Listeners listeners;
    private final Rules rules;
    private final TargetGroups targetGroups;
    private final Targets targets;
    private final LbTags tags;
    private final LbTargetGroupRegistry registry;

    public LoadBalancing(
            LbStore lbs,
            TargetGroupStore groups,
            LbTagStore tagStore,
            LbArns arns,
            IdSource ids,
            InstantSource clock,
            RoutingSink sink,
            TargetHealthSource health) {
        this(lbs, groups, tagStore, arns, ids, clock, sink, health, DataPlaneStatus.NONE);
    }

    /** As above, with the data plane's listening status (a port in use refuses CreateListener; see DataPlaneStatus). */
    public LoadBalancing(
            LbStore lbs,
            TargetGroupStore groups,
            LbTagStore tagStore,
            LbArns arns,
            IdSource ids,
            InstantSource clock,
            RoutingSink sink,
            TargetHealthSource health,
            DataPlaneStatus dataPlane) {
        this.ctx = new LbContext(
                lbs,
                groups,
                tagStore,
                arns,
                ids,
                clock,
                new RoutingPublisher(lbs, sink),
                health,
                new HealthChanges(),
                dataPlane);
        this.loadBalancers = new LoadBalancers(ctx);
        this.listeners = new Listeners(ctx);
        this.rules = new Rules(ctx);
        this.targetGroups = new TargetGroups(ctx);
        this.targets = new Targets(ctx);
        this.tags = new LbTags(ctx);
        this.registry = new LbTargetGroupRegistry(ctx);
    }

    /** Publishes the stored configuration to the routing sink (at start-up, before any change). */
    public RoutingSnapshot start() {
        return ctx.routing().publish();
    }

    public LoadBalancers loadBalancers() {
        return loadBalancers;
    }

    public Listeners listeners() {
        return listeners;
    }

    public Rules rules() {
        return rules;
    }

    public TargetGroups targetGroups() {
        return targetGroups;
    }

    public Targets targets() {
        return targets;
    }

    public LbTags tags() {
        return tags;
    }

    public TargetGroupRegistry registry() {
        return registry;
    }

    /** Why some listener of the load balancer does not listen (DescribeLoadBalancers: active_impaired), if so. */
    public java.util.Optional<String> impairment(String loadBalancerArn) {
        return ctx.dataPlane().impairment(loadBalancerArn);
    }
}
