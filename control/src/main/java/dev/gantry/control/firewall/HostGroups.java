package dev.gantry.control.firewall;

import dev.gantry.core.ec2.DefaultVpc;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The security groups that stand for the host: traffic from the host (the router, health checks, a user's curl)
 * leaves the host's bridge from the subnet's gateway address, so a rule naming one of these groups as its peer
 * admits (or reaches) the gateway. Always {@link DefaultVpc#HOST_SECURITY_GROUP_ID}, Gantry's well-known group of
 * the host (every default group admits it, so tasks that name no group stay reachable from the host; ADR 0017), plus
 * whatever {@code loadBalancerGroups} gives: the groups of the load balancers, which the router realises on the host.
 */
@FunctionalInterface
public interface HostGroups {
    /** The host's own group and nothing of load balancers. */
    HostGroups HOST_ONLY = () -> Set.of(DefaultVpc.HOST_SECURITY_GROUP_ID);

    Set<String> groupIds();

    /** The host's groups and the load balancers' groups, read at each call. */
    static HostGroups withLoadBalancers(Supplier<? extends java.util.Collection<String>> loadBalancerGroups) {
        return () -> {
            Set<String> ids = new TreeSet<>(HOST_ONLY.groupIds());
            ids.addAll(loadBalancerGroups.get());
            return ids;
        };
    }
}
