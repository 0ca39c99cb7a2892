package dev.gantry.control.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.dns.DiscoveryZones.Instance;
import dev.gantry.control.dns.DiscoveryZones.Namespace;
import dev.gantry.control.dns.DiscoveryZones.Service;
import dev.gantry.dns.table.DnsTable;
import dev.gantry.dns.table.RecordSet;
import dev.gantry.dns.table.Routing;
import dev.gantry.dns.table.Srv;
import dev.gantry.dns.table.Zone;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsTablesTest {
    private static Instance task(String id, String ip, int port) {
        return new Instance(id, Optional.of(ip), Optional.of(port));
    }

    @Test
    void aServiceWithAnARecordAnswersItsHealthyInstancesAddressesWithItsTtl() {
        DnsTable t = DnsTables.build(
                List.of(new Namespace(
                        "Local",
                        15,
                        List.of(new Service(
                                "backend",
                                "MULTIVALUE",
                                Optional.of(60L),
                                Optional.empty(),
                                List.of(task("t1", "10.0.0.1", 80), task("t2", "10.0.0.2", 80)))))),
                3);
        assertThat(t)
                .isEqualTo(new DnsTable(
                        List.of(new Zone(
                                "local",
                                15,
                                List.of(RecordSet.a(
                                        "backend.local", List.of("10.0.0.1", "10.0.0.2"), 60, Routing.MULTIVALUE)))),
                        3));
    }

    @Test
    void srvAnswersPortAndInstanceNamesThatAreARecordsThemselves() {
        DnsTable t = DnsTables.build(
                List.of(new Namespace(
                        "local",
                        15,
                        List.of(new Service(
                                "api",
                                "WEIGHTED",
                                Optional.of(10L),
                                Optional.of(20L),
                                List.of(task("abc", "10.0.0.1", 8080)))))),
                4);
        assertThat(t.zones().get(0).records())
                .containsExactly(
                        RecordSet.a("abc.api.local", List.of("10.0.0.1"), 10, Routing.WEIGHTED),
                        new RecordSet(
                                "api.local",
                                List.of("10.0.0.1"),
                                List.of(new Srv(1, 1, 8080, "abc.api.local")),
                                10,
                                20,
                                Routing.WEIGHTED));
    }

    @Test
    void aServiceWithoutHealthyInstancesHasNoRecordsAndBadNamesAreSkipped() {
        DnsTable t = DnsTables.build(
                List.of(new Namespace(
                        "local",
                        15,
                        List.of(
                                new Service("empty", "MULTIVALUE", Optional.of(60L), Optional.empty(), List.of()),
                                new Service(
                                        "bad name",
                                        "MULTIVALUE",
                                        Optional.of(60L),
                                        Optional.empty(),
                                        List.of(task("t", "10.0.0.1", 1)))))),
                5);
        assertThat(t.zones())
                .singleElement()
                .satisfies(z -> assertThat(z.records()).isEmpty());
    }
}
