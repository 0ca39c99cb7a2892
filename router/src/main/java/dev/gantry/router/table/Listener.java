package dev.gantry.router.table;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A listener: where it binds ({@link #LOOPBACK} for an {@code internal} load balancer, {@link #ALL_INTERFACES} for
 * an {@code internet-facing} one), its port (0 picks a free one, for tests), its protocol, its rules (kept sorted by
 * priority) and its default action. A TCP listener has no rules and forwards.
 */
public record Listener(
        String id, String bindAddress, int port, ListenerProtocol protocol, List<Rule> rules, Action defaultAction) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final String ALL_INTERFACES = "0.0.0.0";

    public Listener {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(defaultAction, "defaultAction");
        rules = rules.stream().sorted(Comparator.comparingInt(Rule::priority)).toList();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listener port must be 1-65535, was " + port);
        }
        if (new HashSet<>(rules.stream().map(Rule::priority).toList()).size() != rules.size()) {
            throw new IllegalArgumentException("listener " + id + " has two rules with the same priority");
        }
        if (protocol == ListenerProtocol.TCP && (!rules.isEmpty() || !(defaultAction instanceof Action.Forward))) {
            throw new IllegalArgumentException("TCP listener " + id + " takes no rules and must forward");
        }
    }

    /** An HTTP listener. */
    public static Listener http(String id, String bindAddress, int port, List<Rule> rules, Action defaultAction) {
        return new Listener(id, bindAddress, port, ListenerProtocol.HTTP, rules, defaultAction);
    }

    /** A TCP listener forwarding to one target group. */
    public static Listener tcp(String id, String bindAddress, int port, String targetGroupId) {
        return new Listener(id, bindAddress, port, ListenerProtocol.TCP, List.of(), Action.Forward.to(targetGroupId));
    }

    /** Every target group this listener can send traffic to. */
    public List<String> targetGroupIds() {
        return Stream.concat(rules.stream().map(Rule::action), Stream.of(defaultAction))
                .filter(a -> a instanceof Action.Forward)
                .flatMap(a -> ((Action.Forward) a).groups().stream())
                .map(Action.WeightedGroup::targetGroupId)
                .distinct()
                .toList();
    }
}
