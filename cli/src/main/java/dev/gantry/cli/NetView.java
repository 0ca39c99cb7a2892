package dev.gantry.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * What {@code gantry net} prints: subnets (id, VPC, CIDR, zone, private or public, the engine network realising
 * it), security groups with their inbound and outbound rules in words, running tasks' interfaces, and which task
 * may open what on which ({@link NetReach}). Pure.
 */
final class NetView {
    /** The tag that makes a subnet private at creation (no route off the task networks). */
    static final String PRIVATE_TAG = "gantry:private";
    /** What the default subnet is realised by: the engine network Gantry's tasks use by default. */
    static final String DEFAULT_NETWORK = "(default task network)";

    private NetView() {}

    /** A running task's interface, as DescribeNetworkInterfaces and ECS's DescribeTasks show it together. */
    record Interface(String taskId, String family, String eniId, String ipv4, String subnetId, List<String> groupIds) {
        Interface {
            groupIds = List.copyOf(groupIds);
        }
    }

    /** Everything shown; {@code hostGroups}: the groups that stand for the host (Gantry's, load balancers'). */
    record Snapshot(
            List<Subnet> subnets, List<SecurityGroup> groups, List<Interface> interfaces, Set<String> hostGroups) {
        Snapshot {
            subnets = List.copyOf(subnets);
            groups = List.copyOf(groups);
            interfaces = List.copyOf(interfaces);
            hostGroups = Set.copyOf(hostGroups);
        }
    }

    static String render(Snapshot s) {
        Map<String, SecurityGroup> byId = new TreeMap<>();
        s.groups().forEach(g -> byId.put(g.groupId(), g));
        StringBuilder sb = new StringBuilder();
        sb.append("Subnets:\n");
        sb.append(indent(s.subnets().isEmpty() ? "none\n" : subnets(s.subnets()).render()));
        sb.append("\nSecurity groups:\n");
        if (s.groups().isEmpty()) {
            sb.append("  none\n");
        }
        s.groups().stream()
                .sorted(Comparator.comparing(SecurityGroup::groupId))
                .forEach(g -> sb.append(group(g, byId, s.hostGroups())));
        sb.append("\nTask interfaces:\n");
        sb.append(indent(
                s.interfaces().isEmpty()
                        ? "no running tasks\n"
                        : interfaces(s.interfaces()).render()));
        sb.append("\nReachability (who may open what on whom):\n");
        List<NetReach.Reach> reach = NetReach.reachability(endpoints(s), byId, s.hostGroups());
        sb.append(indent(reach.isEmpty() ? "nothing\n" : reachability(reach).render()));
        return sb.toString();
    }

    static Table subnets(List<Subnet> subnets) {
        Table t = Table.of("SUBNET", "VPC", "CIDR", "ZONE", "TYPE", "ENGINE NETWORK");
        for (Subnet n :
                subnets.stream().sorted(Comparator.comparing(Subnet::subnetId)).toList()) {
            t = t.row(
                    n.subnetId(),
                    TaskFacts.orNone(n.vpcId()),
                    TaskFacts.orNone(n.cidrBlock()),
                    TaskFacts.orNone(n.availabilityZone()),
                    isPrivate(n) ? "private" : "public",
                    Boolean.TRUE.equals(n.defaultForAz()) ? DEFAULT_NETWORK : "gantry-" + n.subnetId());
        }
        return t;
    }

    static boolean isPrivate(Subnet n) {
        return n.tags().stream().anyMatch(t -> PRIVATE_TAG.equals(t.key()) && "true".equalsIgnoreCase(t.value()));
    }

    /** {@code sg-1 web (vpc-1): description}, then its inbound and outbound rules, one per line. */
    static String group(SecurityGroup g, Map<String, SecurityGroup> byId, Set<String> hostGroups) {
        StringBuilder sb = new StringBuilder("  ")
                .append(g.groupId())
                .append(' ')
                .append(TaskFacts.orNone(g.groupName()))
                .append(" (")
                .append(TaskFacts.orNone(g.vpcId()))
                .append(')');
        if (g.description() != null && !g.description().isBlank()) {
            sb.append(": ").append(g.description());
        }
        sb.append('\n');
        sb.append(rules("inbound", "from", NetReach.rules(g.ipPermissions()), byId, hostGroups));
        sb.append(rules("outbound", "to", NetReach.rules(g.ipPermissionsEgress()), byId, hostGroups));
        return sb.toString();
    }

    private static String rules(
            String title, String word, List<NetReach.Rule> rules, Map<String, SecurityGroup> byId, Set<String> host) {
        StringBuilder sb = new StringBuilder("    ").append(title).append(':');
        if (rules.isEmpty()) {
            return sb.append(" none\n").toString();
        }
        sb.append('\n');
        for (NetReach.Rule r : rules) {
            sb.append("      ")
                    .append(NetReach.words(r))
                    .append(' ')
                    .append(word)
                    .append(' ')
                    .append(peer(r, byId, host))
                    .append('\n');
        }
        return sb.toString();
    }

    /** {@code 10.0.0.0/16}, {@code anywhere}, {@code sg-2 (db)}, {@code sg-gantry-host (the host)}. */
    static String peer(NetReach.Rule r, Map<String, SecurityGroup> byId, Set<String> hostGroups) {
        if (r.cidr().isPresent()) {
            String c = r.cidr().get();
            return c.equals("0.0.0.0/0") ? "anywhere (0.0.0.0/0)" : c;
        }
        String id = r.groupId().orElseThrow();
        String name =
                Optional.ofNullable(byId.get(id)).map(SecurityGroup::groupName).orElse("");
        String host = hostGroups.contains(id) ? "the host" : "";
        String words = List.of(name, host).stream().filter(w -> !w.isBlank()).collect(Collectors.joining(", "));
        return words.isEmpty() ? id : id + " (" + words + ")";
    }

    static Table interfaces(List<Interface> interfaces) {
        Table t = Table.of("TASK", "FAMILY", "IP", "SUBNET", "GROUPS", "ENI");
        for (Interface i : interfaces.stream()
                .sorted(Comparator.comparing(Interface::taskId))
                .toList()) {
            t = t.row(
                    i.taskId(),
                    TaskFacts.orNone(i.family()),
                    TaskFacts.orNone(i.ipv4()),
                    TaskFacts.orNone(i.subnetId()),
                    i.groupIds().isEmpty() ? TaskFacts.NONE : String.join(",", i.groupIds()),
                    TaskFacts.orNone(i.eniId()));
        }
        return t;
    }

    /** One line per pair: what the first may open on the second, in the order found. */
    static Table reachability(List<NetReach.Reach> reach) {
        Map<String, List<NetReach.Reach>> byPair = new java.util.LinkedHashMap<>();
        reach.forEach(r -> byPair.computeIfAbsent(r.from() + "\0" + r.to(), k -> new java.util.ArrayList<>())
                .add(r));
        Table t = Table.of("FROM", "TO", "MAY OPEN");
        for (List<NetReach.Reach> same : byPair.values()) {
            boolean all = same.stream().anyMatch(r -> r.protocol().equals(NetReach.ALL));
            String what = all
                    ? "all traffic"
                    : same.stream().map(NetReach.Reach::what).distinct().collect(Collectors.joining(", "));
            t = t.row(same.getFirst().from(), same.getFirst().to(), what);
        }
        return t;
    }

    /** The interfaces as reachability endpoints (those whose subnet is not shown: skipped). */
    static List<NetReach.Endpoint> endpoints(Snapshot s) {
        Map<String, String> cidrs = new TreeMap<>();
        s.subnets().forEach(n -> cidrs.put(n.subnetId(), n.cidrBlock()));
        return s.interfaces().stream()
                .filter(i -> i.ipv4() != null && cidrs.containsKey(i.subnetId()))
                .map(i -> new NetReach.Endpoint(i.taskId(), i.ipv4(), cidrs.get(i.subnetId()), i.groupIds()))
                .toList();
    }

    private static String indent(String block) {
        return block.lines().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }
}
