package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Who may reach whom, as a table: client task A (10.0.0.10, group sg-a) and server task B (10.0.0.20, group sg-b)
 * in subnet 10.0.0.0/24 (gateway 10.0.0.1, the host), each case giving A's egress and B's ingress and the expected
 * lines {@code from>to:what}.
 */
class NetReachTest {
    static final NetReach.Endpoint A = new NetReach.Endpoint("a", "10.0.0.10", "10.0.0.0/24", List.of("sg-a"));
    static final NetReach.Endpoint B = new NetReach.Endpoint("b", "10.0.0.20", "10.0.0.0/24", List.of("sg-b"));

    static IpPermission cidr(String protocol, int from, int to, String cidr) {
        return IpPermission.builder()
                .ipProtocol(protocol)
                .fromPort(from < 0 ? null : from)
                .toPort(from < 0 ? null : to)
                .ipRanges(r -> r.cidrIp(cidr))
                .build();
    }

    static IpPermission group(String protocol, int from, int to, String groupId) {
        return IpPermission.builder()
                .ipProtocol(protocol)
                .fromPort(from < 0 ? null : from)
                .toPort(from < 0 ? null : to)
                .userIdGroupPairs(p -> p.groupId(groupId))
                .build();
    }

    static final IpPermission ANY_OUT = cidr("-1", -1, -1, "0.0.0.0/0");

    static Stream<Arguments> cases() {
        return Stream.of(
                // no ingress on B: A reaches only the host (its egress allows everything)
                Arguments.of(List.of(ANY_OUT), List.of(), List.of("a>host:all traffic")),
                // B admits A's group on 8080: A may open tcp 8080 on B; the host may not reach B
                Arguments.of(
                        List.of(ANY_OUT),
                        List.of(group("tcp", 8080, 8080, "sg-a")),
                        List.of("a>b:tcp 8080", "a>host:all traffic")),
                // B admits A's address by CIDR (protocol by number); A's egress only to 10.0.0.0/24 tcp 8000-8100
                Arguments.of(
                        List.of(cidr("6", 8000, 8100, "10.0.0.0/24")),
                        List.of(cidr("6", 8080, 9000, "10.0.0.10/32")),
                        List.of("a>b:tcp 8080-8100", "a>host:tcp 8000-8100")),
                // a CIDR that does not hold A's address admits nothing from A
                Arguments.of(
                        List.of(ANY_OUT), List.of(cidr("tcp", 80, 80, "10.9.0.0/16")), List.of("a>host:all traffic")),
                // B admits A's group but A's egress is udp only: no overlap with tcp
                Arguments.of(
                        List.of(cidr("udp", 53, 53, "0.0.0.0/0")),
                        List.of(group("tcp", 8080, 8080, "sg-a")),
                        List.of("a>host:udp 53")),
                // A's egress names B's group; B admits all from anywhere, so the host too
                Arguments.of(
                        List.of(group("tcp", 5432, 5432, "sg-b")),
                        List.of(cidr("-1", -1, -1, "0.0.0.0/0")),
                        List.of("a>b:tcp 5432", "host>b:all traffic")),
                // B admits the host's group: the host reaches B, A does not
                Arguments.of(
                        List.of(ANY_OUT),
                        List.of(group("tcp", 80, 80, NetCommand.HOST_GROUP)),
                        List.of("host>b:tcp 80", "a>host:all traffic")),
                // icmp both ways
                Arguments.of(
                        List.of(cidr("icmp", -1, -1, "10.0.0.20/32")),
                        List.of(group("icmp", 8, -1, "sg-a")),
                        List.of("a>b:icmp type 8")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reachability(List<IpPermission> aEgress, List<IpPermission> bIngress, List<String> expected) {
        Map<String, SecurityGroup> groups = Stream.of(
                        SecurityGroup.builder()
                                .groupId("sg-a")
                                .ipPermissionsEgress(aEgress)
                                .build(),
                        SecurityGroup.builder()
                                .groupId("sg-b")
                                .ipPermissions(bIngress)
                                .build())
                .collect(Collectors.toMap(SecurityGroup::groupId, Function.identity()));
        List<String> lines = NetReach.reachability(List.of(A, B), groups, Set.of(NetCommand.HOST_GROUP)).stream()
                .map(r -> r.from() + ">" + r.to() + ":" + r.what())
                .toList();
        assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void gatewayIsTheBlocksFirstAddress() {
        assertThat(NetReach.gateway("172.18.0.0/16")).isEqualTo("172.18.0.1");
        assertThat(NetReach.gateway("10.1.2.128/25")).isEqualTo("10.1.2.129");
        assertThat(NetReach.contains("10.1.2.128/25", "10.1.2.200")).isTrue();
        assertThat(NetReach.contains("10.1.2.128/25", "10.1.2.100")).isFalse();
        assertThat(NetReach.contains("0.0.0.0/0", "8.8.8.8")).isTrue();
    }

    @Test
    void rulesInWords() {
        assertThat(NetReach.rules(List.of(cidr("tcp", 0, 65535, "1.2.3.4/32"))).stream()
                        .map(NetReach::words))
                .containsExactly("tcp");
        assertThat(Arrays.asList(NetReach.protocol("17"), NetReach.protocol("-1"), NetReach.protocol("ICMP")))
                .containsExactly("udp", "all", "icmp");
    }
}
