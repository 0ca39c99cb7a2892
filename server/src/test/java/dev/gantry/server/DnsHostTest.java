package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnsHostTest {
    @Test
    void theRedirectSendsUdpAndTcpDnsOfTheSubnetToTheGatewayListenerTaggedWithTheInstallation() {
        List<List<String>> rules = DnsRedirect.rules("172.18.0.0/16", "172.18.0.1", 40001, 40002, "inst1");
        assertThat(rules).hasSize(2);
        assertThat(String.join(" ", rules.get(0)))
                .isEqualTo("-s 172.18.0.0/16 -d 169.254.169.253/32 -p udp -m udp --dport 53 -m comment --comment"
                        + " gantry-dns-inst1 -j DNAT --to-destination 172.18.0.1:40001");
        assertThat(String.join(" ", rules.get(1))).contains("-p tcp -m tcp").endsWith("172.18.0.1:40002");
        String listing = "-P PREROUTING ACCEPT\n"
                + "-A PREROUTING -s 172.18.0.0/16 -d 169.254.169.253/32 -p udp -m udp --dport 53 -m comment"
                + " --comment gantry-dns-inst1 -j DNAT --to-destination 172.18.0.1:40001\n"
                + "-A PREROUTING -s 172.18.0.0/16 -d 169.254.169.253/32 -p udp -m udp --dport 53 -m comment"
                + " --comment gantry-dns-other -j DNAT --to-destination 172.18.0.1:40009\n";
        assertThat(TaskEndpointRedirect.rulesCommented(listing, DnsRedirect.COMMENT_PREFIX + "inst1"))
                .singleElement()
                .satisfies(d -> assertThat(String.join(" ", d))
                        .startsWith("-t nat -D PREROUTING -s 172.18.0.0/16")
                        .contains("gantry-dns-inst1"));
    }

    @Test
    void upstreamsComeFromTheEnvironmentWhenSet() {
        assertThat(DnsHost.upstreams(Map.of())).isEmpty();
        assertThat(DnsHost.upstreams(Map.of("GANTRY_DNS_UPSTREAMS", "127.0.0.1:5353, 10.0.0.2")))
                .contains(List.of(new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("10.0.0.2", 53)));
        assertThat(DnsHost.upstreams(Map.of("GANTRY_DNS_UPSTREAMS", ""))).contains(List.of());
        assertThatThrownBy(() -> DnsHost.upstreams(Map.of("GANTRY_DNS_UPSTREAMS", "127.0.0.1:x")))
                .hasMessageContaining("GANTRY_DNS_UPSTREAMS");
    }

    @Test
    void theResolverFileNamesAmazonsDnsAddressAndIsWrittenOnlyWhenDifferent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dns/resolv.conf");
        DnsHost.writeResolvConf(file);
        assertThat(Files.readString(file)).isEqualTo("nameserver 169.254.169.253\n");
        Object inode = Files.getAttribute(file, "unix:ino");
        DnsHost.writeResolvConf(file);
        assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
    }
}
