package dev.gantry.core.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Protocols by name or number, port ranges per protocol, one rule per peer, duplicates by what they allow. */
class PermissionRulesTest {
    private final AtomicInteger n = new AtomicInteger();
    private final Supplier<String> ids = () -> "sgr-" + n.incrementAndGet();

    private static IpPermission perm(String proto, Integer from, Integer to, List<String> cidrs, List<String> groups) {
        return new IpPermission(
                proto,
                Optional.ofNullable(from),
                Optional.ofNullable(to),
                cidrs.stream()
                        .map(c -> new IpPermission.Peer(c, Optional.empty()))
                        .toList(),
                groups.stream()
                        .map(g -> new IpPermission.Peer(g, Optional.of("from " + g)))
                        .toList());
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code().wireName();
        }
        return "none";
    }

    @Test
    void protocolsByNameOrNumber() {
        assertThat(PermissionRules.protocol("6")).isEqualTo("tcp");
        assertThat(PermissionRules.protocol("TCP")).isEqualTo("tcp");
        assertThat(PermissionRules.protocol("17")).isEqualTo("udp");
        assertThat(PermissionRules.protocol("1")).isEqualTo("icmp");
        assertThat(PermissionRules.protocol("all")).isEqualTo("-1");
        assertThat(PermissionRules.protocol("-1")).isEqualTo("-1");
        assertThat(code(() -> PermissionRules.protocol("50"))).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> PermissionRules.protocol("smtp"))).isEqualTo("InvalidParameterValue");
    }

    @Test
    void expandsOneRulePerPeer() {
        List<SecurityGroupRule> rules = PermissionRules.expand(
                "sg-1",
                false,
                List.of(perm("tcp", 80, 443, List.of("10.0.0.0/16", "0.0.0.0/0"), List.of("sg-2"))),
                ids);
        assertThat(rules).hasSize(3);
        assertThat(rules).extracting(SecurityGroupRule::ruleId).containsExactly("sgr-1", "sgr-2", "sgr-3");
        assertThat(rules.get(2).referencedGroupId()).contains("sg-2");
        assertThat(rules.get(2).description()).contains("from sg-2");
        assertThat(rules).allSatisfy(r -> assertThat(r.fromPort()).isEqualTo(80));
    }

    @Test
    void allTrafficHasNoPortsAndIcmpTakesTypeAndCode() {
        SecurityGroupRule all = PermissionRules.expand(
                        "sg-1", true, List.of(perm("-1", 5, 6, List.of("0.0.0.0/0"), List.of())), ids)
                .getFirst();
        assertThat(all.fromPort()).isEqualTo(-1);
        assertThat(all.toPort()).isEqualTo(-1);
        SecurityGroupRule icmp = PermissionRules.expand(
                        "sg-1", false, List.of(perm("icmp", 8, -1, List.of("0.0.0.0/0"), List.of())), ids)
                .getFirst();
        assertThat(icmp.fromPort()).isEqualTo(8);
        assertThat(code(() -> PermissionRules.expand(
                        "sg-1", false, List.of(perm("icmp", 300, -1, List.of("0.0.0.0/0"), List.of())), ids)))
                .isEqualTo("InvalidParameterValue");
    }

    @Test
    void refusesBadPortsPeersAndRanges() {
        assertThat(code(() -> PermissionRules.expand(
                        "sg-1", false, List.of(perm("tcp", null, 80, List.of("0.0.0.0/0"), List.of())), ids)))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(() -> PermissionRules.expand(
                        "sg-1", false, List.of(perm("tcp", 90, 80, List.of("0.0.0.0/0"), List.of())), ids)))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(() -> PermissionRules.expand(
                        "sg-1", false, List.of(perm("udp", 0, 70000, List.of("0.0.0.0/0"), List.of())), ids)))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(() -> PermissionRules.expand(
                        "sg-1", false, List.of(perm("tcp", 80, 80, List.of("10.0.0.1/16"), List.of())), ids)))
                .isEqualTo("InvalidParameterValue");
        assertThat(code(() ->
                        PermissionRules.expand("sg-1", false, List.of(perm("tcp", 80, 80, List.of(), List.of())), ids)))
                .isEqualTo("MissingParameter");
        assertThat(code(() -> PermissionRules.expand(
                        "sg-1", false, List.of(perm("tcp", 80, 80, List.of(), List.of("web"))), ids)))
                .isEqualTo("InvalidGroupId.Malformed");
        assertThat(code(() -> PermissionRules.expand("sg-1", false, List.of(), ids)))
                .isEqualTo("MissingParameter");
    }

    @Test
    void samePermissionIgnoresIdAndDescription() {
        SecurityGroupRule a = new SecurityGroupRule(
                "sgr-a", "sg-1", false, "tcp", 80, 80, Optional.of("0.0.0.0/0"), Optional.empty(), Optional.of("x"));
        SecurityGroupRule b = new SecurityGroupRule(
                "sgr-b", "sg-1", false, "tcp", 80, 80, Optional.of("0.0.0.0/0"), Optional.empty(), Optional.empty());
        SecurityGroupRule c = new SecurityGroupRule(
                "sgr-c", "sg-1", true, "tcp", 80, 80, Optional.of("0.0.0.0/0"), Optional.empty(), Optional.empty());
        assertThat(PermissionRules.samePermission(a, b)).isTrue();
        assertThat(PermissionRules.samePermission(a, c)).isFalse();
        assertThat(PermissionRules.describe(a)).isEqualTo("peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW");
        assertThatThrownBy(() -> new SecurityGroupRule(
                        "sgr-x", "sg-1", false, "tcp", 1, 1, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
