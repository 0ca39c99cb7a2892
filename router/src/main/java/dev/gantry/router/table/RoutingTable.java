package dev.gantry.router.table;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole configuration of the router at one moment: its listeners and its target groups (with their targets).
 * Immutable; {@link dev.gantry.router.Router#apply} swaps it in as a unit. Validated as a whole: ids are unique,
 * no two listeners share an address and port (0 aside), every forward names a target group of the table, and a TCP
 * listener forwards only to TCP groups.
 */
public record RoutingTable(List<Listener> listeners, List<TargetGroup> targetGroups) {

    public RoutingTable {
        listeners = List.copyOf(listeners);
        targetGroups = List.copyOf(targetGroups);
        unique(listeners.stream().map(Listener::id).toList(), "listener id");
        unique(targetGroups.stream().map(TargetGroup::id).toList(), "target group id");
        unique(
                listeners.stream()
                        .filter(l -> l.port() != 0)
                        .map(l -> l.bindAddress() + ":" + l.port())
                        .toList(),
                "listener address");
        Set<String> groups = targetGroups.stream().map(TargetGroup::id).collect(Collectors.toSet());
        for (Listener l : listeners) {
            for (String g : l.targetGroupIds()) {
                if (!groups.contains(g)) {
                    throw new IllegalArgumentException("listener " + l.id() + " forwards to unknown target group " + g);
                }
                if (l.protocol() == ListenerProtocol.TCP
                        && targetGroups.stream()
                                .anyMatch(t -> t.id().equals(g) && t.protocol() != TargetProtocol.TCP)) {
                    throw new IllegalArgumentException(
                            "TCP listener " + l.id() + " forwards to HTTP target group " + g);
                }
            }
        }
    }

    public static RoutingTable empty() {
        return new RoutingTable(List.of(), List.of());
    }

    public Optional<TargetGroup> targetGroup(String id) {
        return targetGroups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The ids of the target groups some listener forwards to (the others' targets are {@code unused}). */
    public Set<String> groupsInUse() {
        return listeners.stream().flatMap(l -> l.targetGroupIds().stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static void unique(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException("duplicate " + what + " " + v + " in routing table");
            }
        }
    }
}
