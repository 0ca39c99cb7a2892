package dev.gantry.control.serviceconnect;

import dev.gantry.router.table.RoutingTable;
import java.util.List;
import java.util.Map;

/**
 * What Service Connect's router should hold ({@code table}), the client aliases it realises ({@code aliases}) and,
 * per target group, the service it belongs to ({@code serviceOfGroup}, for metrics).
 */
public record EndpointPlan(RoutingTable table, List<AliasRoute> aliases, Map<String, String> serviceOfGroup) {
    public EndpointPlan {
        aliases = List.copyOf(aliases);
        serviceOfGroup = Map.copyOf(serviceOfGroup);
    }

    public static EndpointPlan empty() {
        return new EndpointPlan(RoutingTable.empty(), List.of(), Map.of());
    }

    /** The aliases of one namespace, for a client task's /etc/hosts. */
    public List<AliasRoute> aliasesIn(String namespaceArn) {
        return aliases.stream()
                .filter(a -> a.namespaceArn().equals(namespaceArn))
                .toList();
    }
}
