package dev.gantry.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.dns.answer.ClientView;
import dev.gantry.dns.table.DnsTable;
import dev.gantry.dns.table.RecordSet;
import dev.gantry.dns.table.Routing;
import dev.gantry.dns.table.Srv;
import dev.gantry.dns.table.Zone;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The server on loopback, asked over the wire (UDP and TCP), with fake upstream resolvers on loopback. */
class DnsServerTest {
    private static final int A = 1;
    private static final int SRV = 33;
    private static final int SOA = 6;
    static final List<String> LOOPBACK = List.of("127.0.0.0/8");
    private static final List<String> TWELVE =
            IntStream.rangeClosed(1, 12).mapToObj(i -> "10.0.0." + i).toList();

    private static DnsTable table() {
        return new DnsTable(
                List.of(new Zone(
                        "local",
                        15,
                        List.of(
                                RecordSet.a("backend.local", TWELVE, 60, Routing.MULTIVALUE),
                                RecordSet.srv(
                                        "api.local",
                                        List.of(new Srv(1, 1, 8080, "i-1.api.local")),
                                        20,
                                        Routing.MULTIVALUE),
                                RecordSet.a("i-1.api.local", List.of("10.0.1.1"), 20, Routing.MULTIVALUE)))),
                9);
    }

    private static DnsOptions options(List<InetSocketAddress> upstreams) {
        return new DnsOptions(upstreams, Duration.ofMillis(300), 1, ClientView.NONE);
    }

    @Test
    void answersGantryNamesOverUdpAndTcpAuthoritativelyWithTheirTtlAndAtMostEightAddresses() throws Exception {
        try (DnsServer dns = DnsServer.start(options(List.of()))) {
            dns.apply(table());
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, LOOPBACK);
            for (WireClient.Reply r : List.of(
                    WireClient.udp(at.udp(), "backend.local", A), WireClient.tcp(at.tcp(), "BACKEND.local", A))) {
                assertThat(r.rcode()).isZero();
                assertThat(r.authoritative()).isTrue();
                assertThat(r.answers()).hasSize(8).allSatisfy(rec -> {
                    assertThat(rec.type()).isEqualTo(A);
                    assertThat(rec.ttl()).isEqualTo(60);
                    assertThat(TWELVE).contains(rec.ipv4());
                });
            }
            WireClient.Reply srv = WireClient.udp(at.udp(), "api.local", SRV);
            assertThat(srv.answers()).singleElement().satisfies(rec -> {
                assertThat(rec.srvPort()).isEqualTo(8080);
                assertThat(rec.ttl()).isEqualTo(20);
            });
            WireClient.Reply srvTcp = WireClient.tcp(at.tcp(), "api.local", SRV);
            assertThat(srvTcp.additional())
                    .singleElement()
                    .satisfies(rec -> assertThat(rec.ipv4()).isEqualTo("10.0.1.1"));
        }
    }

    @Test
    void aMissingNameInAGantryZoneIsNxdomainWithTheSoaAndANewTableIsSeenAtOnce() throws Exception {
        try (DnsServer dns = DnsServer.start(options(List.of()))) {
            dns.apply(table());
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, LOOPBACK);
            WireClient.Reply nx = WireClient.udp(at.udp(), "gone.local", A);
            assertThat(nx.rcode()).isEqualTo(3);
            assertThat(nx.authoritative()).isTrue();
            assertThat(nx.answers()).isEmpty();
            assertThat(nx.authority()).singleElement().satisfies(soa -> {
                assertThat(soa.type()).isEqualTo(SOA);
                assertThat(soa.name()).isEqualTo("local");
                assertThat(soa.ttl()).isEqualTo(15);
                assertThat(soa.soaMinimum()).isEqualTo(15);
            });
            dns.apply(new DnsTable(
                    List.of(new Zone(
                            "local", List.of(RecordSet.a("gone.local", List.of("10.9.9.9"), 1, Routing.MULTIVALUE)))),
                    10));
            assertThat(WireClient.udp(at.udp(), "gone.local", A).answers())
                    .singleElement()
                    .satisfies(rec -> assertThat(rec.ipv4()).isEqualTo("10.9.9.9"));
        }
    }

    @Test
    void otherNamesAreForwardedToTheUpstreamAndRelayedOverUdpAndTcp() throws Exception {
        try (FakeUpstream upstream = new FakeUpstream("192.0.2.7", false);
                DnsServer dns = DnsServer.start(options(List.of(upstream.address())))) {
            dns.apply(table());
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, LOOPBACK);
            WireClient.Reply r = WireClient.udp(at.udp(), "example.com", A);
            assertThat(r.id()).isEqualTo(4242);
            assertThat(r.rcode()).isZero();
            assertThat(r.authoritative()).isFalse();
            assertThat(r.answers()).singleElement().satisfies(rec -> {
                assertThat(rec.ipv4()).isEqualTo("192.0.2.7");
                assertThat(rec.ttl()).isEqualTo(300);
            });
            WireClient.Reply t = WireClient.tcp(at.tcp(), "example.org", A);
            assertThat(t.id()).isEqualTo(4343);
            assertThat(t.answers())
                    .singleElement()
                    .satisfies(rec -> assertThat(rec.ipv4()).isEqualTo("192.0.2.7"));
            assertThat(upstream.queries()).isEqualTo(2);
        }
    }

    @Test
    void aSilentUpstreamIsSkippedForTheNextOne() throws Exception {
        try (FakeUpstream silent = new FakeUpstream("192.0.2.1", true);
                FakeUpstream good = new FakeUpstream("192.0.2.2", false);
                DnsServer dns = DnsServer.start(options(List.of(silent.address(), good.address())))) {
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, LOOPBACK);
            assertThat(WireClient.udp(at.udp(), "example.com", A).answers())
                    .singleElement()
                    .satisfies(rec -> assertThat(rec.ipv4()).isEqualTo("192.0.2.2"));
            assertThat(silent.queries()).isEqualTo(1);
        }
    }

    @Test
    void withoutAnUpstreamOrWhenNoneAnswersOtherNamesGetServfail() throws Exception {
        try (DnsServer none = DnsServer.start(options(List.of()))) {
            WireClient.Reply r =
                    WireClient.udp(none.listen("127.0.0.1", 0, LOOPBACK).udp(), "example.com", A);
            assertThat(r.rcode()).isEqualTo(2);
            assertThat(r.id()).isEqualTo(4242);
        }
        try (FakeUpstream silent = new FakeUpstream("192.0.2.1", true);
                DnsServer dns = DnsServer.start(options(List.of(silent.address())))) {
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, LOOPBACK);
            assertThat(WireClient.udp(at.udp(), "example.com", A).rcode()).isEqualTo(2);
            assertThat(WireClient.tcp(at.tcp(), "example.com", A).rcode()).isEqualTo(2);
        }
    }
}
