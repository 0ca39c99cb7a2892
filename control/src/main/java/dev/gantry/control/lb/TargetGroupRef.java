package dev.gantry.control.lb;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the service scheduler reads of a target group: its identity, protocol and port, the load balancers it is
 * attached to (through listeners or rules) and its deregistration delay.
 */
public record TargetGroupRef(
        String arn,
        String name,
        String protocol,
        int port,
        String targetType,
        List<String> loadBalancerArns,
        Duration deregistrationDelay) {
    public TargetGroupRef {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(targetType, "targetType");
        loadBalancerArns = List.copyOf(loadBalancerArns);
        Objects.requireNonNull(deregistrationDelay, "deregistrationDelay");
    }
}
