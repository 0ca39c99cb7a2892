package dev.gantry.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.dns.table.DnsTable;
import dev.gantry.dns.table.RecordSet;
import dev.gantry.dns.table.Routing;
import dev.gantry.dns.table.Zone;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void recordsOutsideTheirZoneDuplicatesAndBadValuesAreRefused() {
        assertThatThrownBy(() -> new Zone("local", List.of(RecordSet.a("x.other", List.of(), 1, Routing.MULTIVALUE))))
                .hasMessageContaining("not within zone local");
        RecordSet a = RecordSet.a("x.local", List.of("10.0.0.1"), 1, Routing.MULTIVALUE);
        assertThatThrownBy(() -> new Zone("local", List.of(a, a))).hasMessageContaining("twice");
        assertThatThrownBy(() -> RecordSet.a("x.local", List.of("10.0.0.256"), 1, Routing.MULTIVALUE))
                .hasMessageContaining("not an IPv4 address");
        for (String bad : List.of("host.example", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", "-1.2.3.4")) {
            assertThatThrownBy(() -> RecordSet.a("x.local", List.of(bad), 1, Routing.MULTIVALUE))
                    .as(bad)
                    .hasMessageContaining("not an IPv4 address");
        }
        assertThat(RecordSet.address("10.0.255.7")).containsExactly(10, 0, (byte) 255, 7);
        assertThatThrownBy(() -> RecordSet.a("x.local", List.of(), -1, Routing.MULTIVALUE))
                .hasMessageContaining("TTL");
        assertThatThrownBy(() -> new DnsTable(List.of(new Zone("local", List.of()), new Zone("LOCAL.", List.of())), 1))
                .hasMessageContaining("twice");
    }

    @Test
    void resolvConfKeepsNameserverLiteralsInOrderLoopbackIncluded() {
        assertThat(ResolvConf.parse("# c\nsearch x\nnameserver 127.0.0.53\nnameserver  10.1.2.3 \n"
                        + "nameserver ::1\nnameserver bogus\noptions edns0\n"))
                .extracting(a -> a.getAddress().getHostAddress() + ":" + a.getPort())
                .containsExactly("127.0.0.53:53", "10.1.2.3:53", "0:0:0:0:0:0:0:1:53");
    }
}
