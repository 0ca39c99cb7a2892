package dev.gantry.router.state;

import dev.gantry.router.table.Listener;
import dev.gantry.router.table.RoutingTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A routing table compiled for the request path: read once per request (a volatile read of the router's current
 * snapshot), so a request in flight keeps the rules it started with while a new table is applied.
 */
public final class Snapshot {
    private final RoutingTable table;
    private final Map<String, ListenerRoutes> listeners = new HashMap<>();

    public Snapshot(RoutingTable table, Map<String, GroupState> groups) {
        this.table = table;
        for (Listener l : table.listeners()) {
            listeners.put(l.id(), new ListenerRoutes(l, groups));
        }
    }

    public RoutingTable table() {
        return table;
    }

    public Optional<ListenerRoutes> listener(String id) {
        return Optional.ofNullable(listeners.get(id));
    }
}
