package dev.gantry.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.dns.answer.ClientView;
import dev.gantry.dns.net.Limits;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the server answers and what a client, or a spoofer, can make it do (review findings M5, M6). */
class HardeningTest {
    private static final int A = 1;
    private static final int SERVFAIL = 2;
    private static final int REFUSED = 5;

    private static DnsOptions options(List<InetSocketAddress> upstreams, Limits limits) {
        return new DnsOptions(upstreams, Duration.ofMillis(300), 1, ClientView.NONE, limits);
    }

    @Test
    void aClientOutsideTheListenersSubnetsIsRefusedUntilItsRangeIsAllowed() throws Exception {
        try (FakeUpstream upstream = new FakeUpstream("192.0.2.7", false);
                DnsServer dns = DnsServer.start(options(List.of(upstream.address()), Limits.DEFAULT))) {
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, List.of("10.0.0.0/8"));
            WireClient.Reply r = WireClient.udp(at.udp(), "example.com", A);
            assertThat(r.rcode()).isEqualTo(REFUSED);
            assertThat(r.answers()).isEmpty();
            try (Socket s = new Socket()) {
                s.connect(at.tcp(), 10_000);
                s.setSoTimeout(10_000);
                assertThat(s.getInputStream().read())
                        .as("connection closed by the server")
                        .isEqualTo(-1);
            }
            assertThat(upstream.queries()).isZero();

            assertThat(dns.allow("127.0.0.1", List.of("10.0.0.0/8", "127.0.0.0/8")))
                    .isTrue();
            assertThat(WireClient.udp(at.udp(), "example.com", A).answers()).hasSize(1);
            assertThat(WireClient.tcp(at.tcp(), "example.com", A).answers()).hasSize(1);
        }
    }

    @Test
    void aClientBeyondItsTcpConnectionShareIsClosedWhileItsOtherConnectionsKeepWorking() throws Exception {
        Limits limits = new Limits(8, 2, 100, 10, Limits.SAFE_EDNS_UDP_SIZE);
        try (FakeUpstream upstream = new FakeUpstream("192.0.2.7", false);
                DnsServer dns = DnsServer.start(options(List.of(upstream.address()), limits));
                Socket first = new Socket();
                Socket second = new Socket();
                Socket third = new Socket()) {
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, DnsServerTest.LOOPBACK);
            for (Socket s : List.of(first, second)) {
                s.connect(at.tcp(), 10_000);
                s.setSoTimeout(10_000);
                assertThat(ask(s)).isZero(); // accepted and served: it counts now
            }
            third.connect(at.tcp(), 10_000);
            third.setSoTimeout(10_000);
            assertThat(third.getInputStream().read())
                    .as("third connection closed")
                    .isEqualTo(-1);
            assertThat(ask(first)).isZero();
        }
    }

    /** One A question over an open TCP connection; the reply's rcode. */
    private static int ask(Socket s) throws Exception {
        byte[] q = WireClient.query(7, "example.com", A);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeShort(q.length);
        out.write(q);
        out.flush();
        var in = new java.io.DataInputStream(s.getInputStream());
        byte[] r = new byte[in.readUnsignedShort()];
        in.readFully(r);
        return WireClient.parse(ByteBuffer.wrap(r)).rcode();
    }

    @Test
    void aClientGetsServfailBeyondItsShareOfPendingForwards() throws Exception {
        Limits limits = new Limits(8, 2, 100, 2, Limits.SAFE_EDNS_UDP_SIZE);
        try (FakeUpstream silent = new FakeUpstream("192.0.2.1", true);
                DnsServer dns = DnsServer.start(options(List.of(silent.address()), limits));
                DatagramSocket client = new DatagramSocket()) {
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, DnsServerTest.LOOPBACK);
            client.setSoTimeout(10_000);
            for (int i = 0; i < 3; i++) {
                byte[] q = WireClient.query(100 + i, "n" + i + ".example.com", A);
                client.send(new DatagramPacket(q, q.length, at.udp()));
            }
            List<Integer> rcodes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] buf = new byte[1500];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                client.receive(p);
                rcodes.add(
                        WireClient.parse(ByteBuffer.wrap(buf, 0, p.getLength())).rcode());
            }
            assertThat(rcodes).containsOnly(SERVFAIL);
            assertThat(silent.queries())
                    .as("only the client's share went upstream")
                    .isEqualTo(2);
            // the share is given back: the next question goes upstream again
            assertThat(WireClient.udp(at.udp(), "again.example.com", A).rcode()).isEqualTo(SERVFAIL);
            assertThat(silent.queries()).isEqualTo(3);
        }
    }

    @Test
    void aReplyWhoseQuestionIsNotTheOneAskedIsIgnored() throws Exception {
        try (FakeUpstream liar = new FakeUpstream("192.0.2.66", false, true);
                DnsServer dns = DnsServer.start(options(List.of(liar.address()), Limits.DEFAULT))) {
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, DnsServerTest.LOOPBACK);
            WireClient.Reply r = WireClient.udp(at.udp(), "example.com", A);
            assertThat(r.rcode()).isEqualTo(SERVFAIL);
            assertThat(r.answers()).isEmpty();
            assertThat(liar.queries()).isEqualTo(1);
        }
    }

    @Test
    void queriesLeaveFromSeveralSourcePortsAndTheClientsEdnsSizeIsCapped() throws Exception {
        try (FakeUpstream upstream = new FakeUpstream("192.0.2.7", false);
                DnsServer dns = DnsServer.start(options(List.of(upstream.address()), Limits.DEFAULT))) {
            DnsServer.Binding at = dns.listen("127.0.0.1", 0, DnsServerTest.LOOPBACK);
            WireClient.Reply r = WireClient.udp(at.udp(), WireClient.queryWithOpt(9, "big.example.com", A, 65_000));
            assertThat(r.answers()).hasSize(1);
            ByteBuffer q = ByteBuffer.wrap(upstream.lastQuery());
            assertThat(q.getShort(10)).as("ARCOUNT").isEqualTo((short) 1);
            int opt = q.limit() - 11;
            assertThat(q.get(opt)).as("root name").isZero();
            assertThat(q.getShort(opt + 1)).as("OPT").isEqualTo((short) 41);
            assertThat(q.getShort(opt + 3) & 0xffff).isEqualTo(Limits.SAFE_EDNS_UDP_SIZE);

            for (int i = 0; i < 40; i++) {
                assertThat(WireClient.udp(at.udp(), "n" + i + ".example.com", A).rcode())
                        .isZero();
            }
            assertThat(upstream.sourcePorts()).hasSizeGreaterThan(1);
        }
    }
}
