package dev.gantry.control.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.discovery.DiscoverySnapshot;
import dev.gantry.core.servicediscovery.DnsRecord;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.NamespaceType;
import dev.gantry.core.servicediscovery.RecordType;
import dev.gantry.core.servicediscovery.RoutingPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudMapZonesTest {
    private static DiscoverySnapshot.Endpoint endpoint(String id, String ip, HealthStatus health) {
        return new DiscoverySnapshot.Endpoint(
                id, Optional.of(ip), Optional.empty(), Optional.of(8080), Optional.empty(), health);
    }

    @Test
    void onlyInstancesDnsAnswersWithAndTheServicesTtlsCarryOver() {
        DiscoverySnapshot snapshot = new DiscoverySnapshot(List.of(new DiscoverySnapshot.DnsNamespace(
                "ns-1",
                "local",
                NamespaceType.DNS_PRIVATE,
                Optional.of("vpc-gantry"),
                15,
                List.of(new DiscoverySnapshot.DnsName(
                        "srv-1",
                        "backend",
                        RoutingPolicy.MULTIVALUE,
                        List.of(new DnsRecord(RecordType.A, 60), new DnsRecord(RecordType.SRV, 30)),
                        List.of(
                                endpoint("t1", "10.0.0.1", HealthStatus.HEALTHY),
                                endpoint("t2", "10.0.0.2", HealthStatus.UNHEALTHY),
                                endpoint("t3", "10.0.0.3", HealthStatus.UNKNOWN)))))));
        assertThat(CloudMapZones.translate(snapshot))
                .containsExactly(new DiscoveryZones.Namespace(
                        "local",
                        15,
                        List.of(new DiscoveryZones.Service(
                                "backend",
                                "MULTIVALUE",
                                Optional.of(60L),
                                Optional.of(30L),
                                List.of(
                                        new DiscoveryZones.Instance("t1", Optional.of("10.0.0.1"), Optional.of(8080)),
                                        new DiscoveryZones.Instance(
                                                "t3", Optional.of("10.0.0.3"), Optional.of(8080)))))));
    }

    @Test
    void publicNamespacesAreNotServedSoTheyCannotShadowRealDomains() {
        DiscoverySnapshot snapshot = new DiscoverySnapshot(List.of(
                new DiscoverySnapshot.DnsNamespace(
                        "ns-pub",
                        "github.com",
                        NamespaceType.DNS_PUBLIC,
                        Optional.empty(),
                        15,
                        List.of(new DiscoverySnapshot.DnsName(
                                "srv-2",
                                "www",
                                RoutingPolicy.MULTIVALUE,
                                List.of(new DnsRecord(RecordType.A, 60)),
                                List.of(endpoint("t9", "10.0.0.9", HealthStatus.HEALTHY))))),
                new DiscoverySnapshot.DnsNamespace(
                        "ns-1", "local", NamespaceType.DNS_PRIVATE, Optional.of("vpc-gantry"), 15, List.of())));
        assertThat(CloudMapZones.translate(snapshot))
                .extracting(DiscoveryZones.Namespace::name)
                .containsExactly("local");
    }
}
