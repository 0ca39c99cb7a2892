package dev.gantry.control.lb;

import dev.gantry.core.id.IdSource;
import dev.gantry.core.lb.LbArns;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.store.lb.LbStore;
import dev.gantry.store.lb.LbTagStore;
import dev.gantry.store.lb.TargetGroupStore;
import java.time.InstantSource;

/** What the load-balancing operations share: the stores, ARNs, ids, the clock, the routing publisher and the data plane's
 * health verdicts and listening status. */
public record LbContext(
        LbStore lbs,
        TargetGroupStore groups,
        LbTagStore tags,
        LbArns arns,
        IdSource ids,
        InstantSource clock,
        RoutingPublisher routing,
        TargetHealthSource health,
        HealthChanges changes,
        DataPlaneStatus dataPlane) {

    /** A new 16-hex-digit resource id, as ELBv2's ARNs end. */
    String newId() {
        return ids.taskId().substring(0, 16);
    }

    LoadBalancer loadBalancer(String arn) {
        return lbs.loadBalancer(arn).orElseThrow(() -> LbFailures.loadBalancerNotFound(arn));
    }

    TargetGroup targetGroup(String arn) {
        return groups.find(arn).orElseThrow(() -> LbFailures.targetGroupNotFound(arn));
    }
}
