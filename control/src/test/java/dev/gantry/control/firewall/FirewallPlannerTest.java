package dev.gantry.control.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FirewallPlannerTest {
    static final TaskInterface WEB = task("web", "10.0.0.5", "sg-web");
    static final TaskInterface API = task("api", "10.0.0.7", "sg-api");
    static final TaskInterface API2 = task("api2", "10.0.0.12", "sg-api");
    static final String BASE = String.join(
            "\n",
            "*filter",
            ":INPUT DROP [0:0]",
            ":FORWARD DROP [0:0]",
            ":OUTPUT DROP [0:0]",
            "-A INPUT -i lo -j ACCEPT",
            "-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A OUTPUT -o lo -j ACCEPT",
            "-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A OUTPUT -d 169.254.170.2/32 -p tcp -m tcp --dport 80 -j ACCEPT",
            "-A OUTPUT -d 169.254.169.253/32 -p udp -m udp --dport 53 -j ACCEPT",
            "-A OUTPUT -d 169.254.169.253/32 -p tcp -m tcp --dport 53 -j ACCEPT",
            "-A OUTPUT -d 169.254.171.0/24 -p tcp -j ACCEPT");

    static TaskInterface task(String id, String ip, String... groups) {
        return new TaskInterface(id, ip, "10.0.0.0/24", "10.0.0.1", List.of(groups));
    }

    static SecurityGroupRule in(String id, String group, String proto, int from, int to, String peer) {
        return rule(id, group, false, proto, from, to, peer);
    }

    static SecurityGroupRule out(String id, String group, String proto, int from, int to, String peer) {
        return rule(id, group, true, proto, from, to, peer);
    }

    static SecurityGroupRule rule(
            String id, String group, boolean egress, String proto, int from, int to, String peer) {
        boolean sg = peer.startsWith("sg-");
        return new SecurityGroupRule(
                id,
                group,
                egress,
                proto,
                from,
                to,
                sg ? Optional.empty() : Optional.of(peer),
                sg ? Optional.of(peer) : Optional.empty(),
                Optional.empty());
    }

    static SecurityGroup group(String id, SecurityGroupRule... rules) {
        return new SecurityGroup(id, id, "", "vpc-1", List.of(rules), Map.of());
    }

    /** The rule lines the planner adds after the always-allowed ones, for the task "api". */
    static Stream<Arguments> rulesForApi() {
        return Stream.of(
                Arguments.of("no rules: only the base", List.of(), List.of()),
                Arguments.of(
                        "tcp port from a group: each member's address",
                        List.of(in("r1", "sg-api", "tcp", 8080, 8080, "sg-web")),
                        List.of("-A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 8080 -j ACCEPT")),
                Arguments.of(
                        "a port range from a CIDR",
                        List.of(in("r1", "sg-api", "tcp", 8000, 8099, "192.168.0.0/16")),
                        List.of("-A INPUT -s 192.168.0.0/16 -p tcp -m tcp --dport 8000:8099 -j ACCEPT")),
                Arguments.of(
                        "all traffic from anywhere, numeric protocol 17 is udp",
                        List.of(
                                in("r1", "sg-api", "-1", -1, -1, "0.0.0.0/0"),
                                in("r2", "sg-api", "17", 53, 53, "10.1.0.0/16")),
                        List.of("-A INPUT -j ACCEPT", "-A INPUT -s 10.1.0.0/16 -p udp -m udp --dport 53 -j ACCEPT")),
                Arguments.of(
                        "icmp echo request, and any icmp",
                        List.of(
                                in("r1", "sg-api", "icmp", 8, -1, "sg-web"),
                                in("r2", "sg-api", "icmp", -1, -1, "10.9.0.0/16")),
                        List.of(
                                "-A INPUT -s 10.0.0.5/32 -p icmp -m icmp --icmp-type 8 -j ACCEPT",
                                "-A INPUT -s 10.9.0.0/16 -p icmp -j ACCEPT")),
                Arguments.of(
                        "the host's group admits the subnet gateway",
                        List.of(in("r1", "sg-api", "tcp", 80, 80, DefaultVpc.HOST_SECURITY_GROUP_ID)),
                        List.of("-A INPUT -s 10.0.0.1/32 -p tcp -m tcp --dport 80 -j ACCEPT")),
                Arguments.of(
                        "self reference: every member of the group, this task included, in address order",
                        List.of(in("r1", "sg-api", "tcp", 5432, 5432, "sg-api")),
                        List.of(
                                "-A INPUT -s 10.0.0.7/32 -p tcp -m tcp --dport 5432 -j ACCEPT",
                                "-A INPUT -s 10.0.0.12/32 -p tcp -m tcp --dport 5432 -j ACCEPT")),
                Arguments.of(
                        "a group without members and not the host: no line",
                        List.of(in("r1", "sg-api", "tcp", 1, 2, "sg-empty")),
                        List.of()),
                Arguments.of(
                        "egress to a group, and all egress; ingress first whatever the rule order",
                        List.of(
                                out("r0", "sg-api", "tcp", 443, 443, "sg-web"),
                                out("r1", "sg-api", "-1", -1, -1, "0.0.0.0/0"),
                                in("r2", "sg-api", "udp", 0, 65535, "sg-web")),
                        List.of(
                                "-A INPUT -s 10.0.0.5/32 -p udp -j ACCEPT",
                                "-A OUTPUT -d 10.0.0.5/32 -p tcp -m tcp --dport 443 -j ACCEPT",
                                "-A OUTPUT -j ACCEPT")),
                Arguments.of(
                        "a single address CIDR and a duplicate rule give one line",
                        List.of(
                                in("r1", "sg-api", "tcp", 22, 22, "10.0.0.9/32"),
                                in("r2", "sg-api", "tcp", 22, 22, "10.0.0.9/32")),
                        List.of("-A INPUT -s 10.0.0.9/32 -p tcp -m tcp --dport 22 -j ACCEPT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesForApi")
    void rulesBecomeAcceptLinesAfterTheAlwaysAllowedOnes(
            String name, List<SecurityGroupRule> rules, List<String> expected) {
        Map<String, Ruleset> plan = FirewallPlanner.plan(
                List.of(WEB, API, API2),
                List.of(group("sg-web"), group("sg-api", rules.toArray(SecurityGroupRule[]::new))),
                Set.of(DefaultVpc.HOST_SECURITY_GROUP_ID));
        List<String> lines = new ArrayList<>(List.of(BASE.split("\n")));
        lines.addAll(expected);
        lines.add("COMMIT");
        assertThat(plan.get("api").text())
                .isEqualTo("# gantry: security groups of task api: sg-api\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void theOutputIsTheSameWhateverTheInputOrder() {
        List<SecurityGroup> groups = List.of(
                group(
                        "sg-api",
                        in("r2", "sg-api", "tcp", 80, 80, "sg-web"),
                        in("r1", "sg-api", "tcp", 81, 81, "sg-api")),
                group("sg-web", out("r3", "sg-web", "-1", -1, -1, "sg-api")));
        List<TaskInterface> tasks =
                new ArrayList<>(List.of(WEB, API, API2, task("both", "10.0.0.3", "sg-web", "sg-api")));
        Map<String, Ruleset> first = FirewallPlanner.plan(tasks, groups, Set.of());
        Collections.reverse(tasks);
        List<SecurityGroup> reversed = new ArrayList<>(groups);
        Collections.reverse(reversed);
        assertThat(FirewallPlanner.plan(tasks, reversed, Set.of())).isEqualTo(first);
        assertThat(first.get("both").text()).contains("security groups of task both: sg-api,sg-web");
    }

    @Test
    void aTaskWhoseGroupsAreUnknownGetsOnlyTheBase() {
        Map<String, Ruleset> plan = FirewallPlanner.plan(List.of(WEB), List.of(), Set.of());
        assertThat(plan.get("web").text())
                .isEqualTo("# gantry: security groups of task web: sg-web\n" + BASE + "\nCOMMIT\n");
    }

    @Test
    void membershipChangesTheRulesetsOfTasksWhoseRulesNameTheGroup() {
        List<SecurityGroup> groups =
                List.of(group("sg-api", in("r1", "sg-api", "tcp", 80, 80, "sg-web")), group("sg-web"));
        Ruleset alone = FirewallPlanner.plan(List.of(API), groups, Set.of()).get("api");
        Ruleset withWeb =
                FirewallPlanner.plan(List.of(API, WEB), groups, Set.of()).get("api");
        assertThat(withWeb.hash()).isNotEqualTo(alone.hash());
        assertThat(withWeb.text()).contains("-A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 80 -j ACCEPT");
    }

    static Stream<Arguments> reachability() {
        SecurityGroupRule allOut = out("e1", "sg-web", "-1", -1, -1, "0.0.0.0/0");
        return Stream.of(
                Arguments.of(
                        "ingress from the client's group, client egress all",
                        List.of(
                                group("sg-web", allOut),
                                group("sg-api", in("r1", "sg-api", "tcp", 8080, 8080, "sg-web"))),
                        List.of(new Reach("web", "api", "tcp", "8080"))),
                Arguments.of(
                        "no egress on the client: nobody",
                        List.of(group("sg-web"), group("sg-api", in("r1", "sg-api", "tcp", 8080, 8080, "sg-web"))),
                        List.of()),
                Arguments.of(
                        "the overlap of a port range egress and a range ingress",
                        List.of(
                                group("sg-web", out("e1", "sg-web", "tcp", 8000, 8100, "sg-api")),
                                group("sg-api", in("r1", "sg-api", "tcp", 8080, 9000, "10.0.0.0/24"))),
                        List.of(new Reach("web", "api", "tcp", "8080-8100"))),
                Arguments.of(
                        "different protocols do not meet",
                        List.of(
                                group("sg-web", out("e1", "sg-web", "udp", 53, 53, "0.0.0.0/0")),
                                group("sg-api", in("r1", "sg-api", "tcp", 53, 53, "0.0.0.0/0"))),
                        List.of()),
                Arguments.of(
                        "all both ways",
                        List.of(
                                group("sg-web", allOut, in("i1", "sg-web", "-1", -1, -1, "sg-api")),
                                group("sg-api", out("e2", "sg-api", "-1", -1, -1, "sg-web"))),
                        List.of(new Reach("api", "web", "all", "all"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void reachability(String name, List<SecurityGroup> groups, List<Reach> expected) {
        assertThat(FirewallPlanner.reachability(List.of(WEB, API), groups, Set.of()))
                .isEqualTo(expected);
    }
}
