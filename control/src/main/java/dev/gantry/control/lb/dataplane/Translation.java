package dev.gantry.control.lb.dataplane;

import dev.gantry.router.table.RoutingTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A routing snapshot translated for the router: the table, the load balancer of each listener (by listener ARN,
 * to tell which load balancer a bind failure impairs), and what had to be left out and why (empty normally: the
 * ELBv2 operations validate what the router needs).
 */
public record Translation(RoutingTable table, Map<String, String> loadBalancerOfListener, List<String> skipped) {
    public Translation {
        Objects.requireNonNull(table, "table");
        loadBalancerOfListener = Map.copyOf(loadBalancerOfListener);
        skipped = List.copyOf(skipped);
    }
}
