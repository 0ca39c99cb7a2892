package dev.gantry.control.firewall;

import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pure: each task's filter table from its security groups, as a security group behaves. Both chains drop by
 * default; loopback, replies ({@code ESTABLISHED,RELATED}: stateful), the task endpoint (169.254.170.2 tcp/80),
 * DNS (169.254.169.253 udp+tcp/53) and Service Connect's virtual addresses (169.254.171.0/24 tcp) are always allowed; then one ACCEPT per rule and peer: a CIDR as it is ({@code
 * 0.0.0.0/0}: anyone), a security group as each member task's address, and a group that stands for the host (Gantry's
 * host group, a load balancer's groups) as the task's subnet gateway, where traffic from the host comes from.
 * Output is deterministic: groups in id order, rules in id order, peers in address order.
 */
public final class FirewallPlanner {
    /** Where a task reaches its task endpoint (credentials, metadata): always allowed, as on Fargate. */
    public static final String TASK_ENDPOINT = "169.254.170.2";
    /** The VPC's DNS server (Gantry's DNS): always allowed, as AWS does not filter its resolver. */
    public static final String DNS = "169.254.169.253";
    /**
     * Service Connect's virtual addresses (one per alias, served by the router on the host): always allowed out, as
     * the task endpoint is — the task's namespace sees the virtual address, not the backend it is redirected to, and
     * the backend's own ingress rules still apply where the router connects to it.
     */
    public static final String SERVICE_CONNECT = "169.254.171.0/24";

    private FirewallPlanner() {}

    /** One ruleset per task, by task id. */
    public static Map<String, Ruleset> plan(
            List<TaskInterface> tasks, List<SecurityGroup> groups, Set<String> hostGroupIds) {
        Peers peers = Peers.of(tasks, hostGroupIds);
        Map<String, SecurityGroup> byId = byId(groups);
        Map<String, Ruleset> plan = new TreeMap<>();
        for (TaskInterface t : tasks) {
            plan.put(t.taskId(), new Ruleset(t.taskId(), ruleset(t, byId, peers)));
        }
        return plan;
    }

    /** Who may open what to whom: each pair of distinct tasks, where the client's egress and the server's ingress overlap. */
    public static List<Reach> reachability(
            List<TaskInterface> tasks, List<SecurityGroup> groups, Set<String> hostGroupIds) {
        Peers peers = Peers.of(tasks, hostGroupIds);
        Map<String, SecurityGroup> byId = byId(groups);
        Set<Reach> out = new LinkedHashSet<>();
        List<TaskInterface> ordered = tasks.stream()
                .sorted(Comparator.comparing(TaskInterface::taskId))
                .toList();
        for (TaskInterface from : ordered) {
            for (TaskInterface to : ordered) {
                if (from.taskId().equals(to.taskId())) {
                    continue;
                }
                for (SecurityGroupRule out1 : rules(from, byId, true)) {
                    if (!peers.admits(out1, from, to.ipv4Address())) {
                        continue;
                    }
                    for (SecurityGroupRule in : rules(to, byId, false)) {
                        if (peers.admits(in, to, from.ipv4Address())) {
                            Matches.overlap(out1, in)
                                    .ifPresent(m -> out.add(new Reach(from.taskId(), to.taskId(), m[0], m[1])));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static String ruleset(TaskInterface t, Map<String, SecurityGroup> byId, Peers peers) {
        Set<String> lines = new LinkedHashSet<>();
        lines.add("# gantry: security groups of task " + t.taskId() + ": "
                + String.join(",", new TreeSet<>(t.securityGroupIds())));
        lines.add("*filter");
        lines.add(":INPUT DROP [0:0]");
        lines.add(":FORWARD DROP [0:0]");
        lines.add(":OUTPUT DROP [0:0]");
        lines.add("-A INPUT -i lo -j ACCEPT");
        lines.add("-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        lines.add("-A OUTPUT -o lo -j ACCEPT");
        lines.add("-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        lines.add("-A OUTPUT -d " + TASK_ENDPOINT + "/32 -p tcp -m tcp --dport 80 -j ACCEPT");
        lines.add("-A OUTPUT -d " + DNS + "/32 -p udp -m udp --dport 53 -j ACCEPT");
        lines.add("-A OUTPUT -d " + DNS + "/32 -p tcp -m tcp --dport 53 -j ACCEPT");
        lines.add("-A OUTPUT -d " + SERVICE_CONNECT + " -p tcp -j ACCEPT");
        for (boolean egress : new boolean[] {false, true}) {
            for (SecurityGroupRule r : rules(t, byId, egress)) {
                String chain = egress ? "-A OUTPUT" : "-A INPUT";
                String flag = egress ? " -d " : " -s ";
                for (String peer : peers.matches(r, t)) {
                    lines.add(chain + (peer.isEmpty() ? "" : flag + peer) + Matches.iptables(r) + " -j ACCEPT");
                }
            }
        }
        lines.add("COMMIT");
        return String.join("\n", lines) + "\n";
    }

    /** The task's groups' rules of one direction, groups in id order, rules in id order (unknown groups: none). */
    private static List<SecurityGroupRule> rules(TaskInterface t, Map<String, SecurityGroup> byId, boolean egress) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (String g : new TreeSet<>(t.securityGroupIds())) {
            Optional.ofNullable(byId.get(g))
                    .ifPresent(sg -> (egress ? sg.egress() : sg.ingress())
                            .stream()
                                    .sorted(Comparator.comparing(SecurityGroupRule::ruleId))
                                    .forEach(rules::add));
        }
        return rules;
    }

    private static Map<String, SecurityGroup> byId(List<SecurityGroup> groups) {
        return groups.stream()
                .collect(Collectors.toMap(SecurityGroup::groupId, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** The members of each group and the host groups: what a rule's peer stands for, seen from one task. */
    private record Peers(Map<String, List<String>> members, Set<String> hostGroups) {
        static Peers of(List<TaskInterface> tasks, Set<String> hostGroupIds) {
            Map<String, Set<String>> m = new TreeMap<>();
            for (TaskInterface t : tasks) {
                for (String g : t.securityGroupIds()) {
                    m.computeIfAbsent(g, k -> new TreeSet<>(Comparator.comparingLong(Matches::ipv4)))
                            .add(t.ipv4Address());
                }
            }
            Map<String, List<String>> members = new TreeMap<>();
            m.forEach((g, ips) -> members.put(g, List.copyOf(ips)));
            return new Peers(members, Set.copyOf(hostGroupIds));
        }

        /** iptables source/destination words ({@code ""}: anyone), in order. */
        List<String> matches(SecurityGroupRule r, TaskInterface self) {
            if (r.cidrIpv4().isPresent()) {
                String cidr = r.cidrIpv4().get();
                return List.of(cidr.equals("0.0.0.0/0") ? "" : cidr.contains("/") ? cidr : cidr + "/32");
            }
            String group = r.referencedGroupId().orElseThrow();
            List<String> out = new ArrayList<>();
            if (hostGroups.contains(group)) {
                out.add(self.gatewayAddress() + "/32");
            }
            members.getOrDefault(group, List.of()).forEach(ip -> out.add(ip + "/32"));
            return out;
        }

        /** Whether an address is a peer of the rule (for reachability). */
        boolean admits(SecurityGroupRule r, TaskInterface self, String address) {
            if (r.cidrIpv4().isPresent()) {
                return Matches.contains(r.cidrIpv4().get(), address);
            }
            return matches(r, self).contains(address + "/32");
        }
    }
}
