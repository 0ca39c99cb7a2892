package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadRedirectsTest {
    private static final String LISTING = String.join(
            "\n",
            "-P PREROUTING ACCEPT",
            "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
            "-A PREROUTING -s 172.18.0.0/16 -d 169.254.169.253/32 -p udp -m udp --dport 53 -m comment"
                    + " --comment gantry-dns-dead0000 -j DNAT --to-destination 172.18.0.1:50123",
            "-A PREROUTING -s 172.18.0.0/16 -d 169.254.170.2/32 -p tcp -m tcp --dport 80 -m comment"
                    + " --comment gantry-task-endpoint-alive000 -j DNAT --to-destination 172.18.0.1:38567",
            "-A PREROUTING -s 172.18.0.0/16 -d 169.254.170.2/32 -p tcp -m tcp --dport 80 -m comment"
                    + " --comment gantry-task-endpoint-mine0000 -j DNAT --to-destination 172.18.0.1:40000",
            "-A PREROUTING -s 10.0.0.0/8 -m comment --comment \"someone else\" -j DNAT --to-destination 10.0.0.1:1",
            "");

    @Test
    void onlyOtherInstallationsRulesWhoseTargetNoLongerListensAreDeleted() {
        List<List<String>> deletes =
                DeadRedirects.dead(LISTING, "mine0000", (InetSocketAddress at) -> at.getPort() == 38567);
        assertThat(deletes).singleElement().satisfies(args -> {
            assertThat(args.subList(0, 4)).containsExactly("-t", "nat", "-D", "PREROUTING");
            assertThat(args).contains("gantry-dns-dead0000", "172.18.0.1:50123");
        });
    }

    @Test
    void nothingIsDeletedWhenEveryTargetListens() {
        assertThat(DeadRedirects.dead(LISTING, "mine0000", at -> true)).isEmpty();
    }
}
