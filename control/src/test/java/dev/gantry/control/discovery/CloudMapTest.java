package dev.gantry.control.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.core.servicediscovery.DnsConfig;
import dev.gantry.core.servicediscovery.DnsRecord;
import dev.gantry.core.servicediscovery.HealthCheck;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.Instance;
import dev.gantry.core.servicediscovery.NamespaceType;
import dev.gantry.core.servicediscovery.OperationStatus;
import dev.gantry.core.servicediscovery.RecordType;
import dev.gantry.core.servicediscovery.RoutingPolicy;
import dev.gantry.store.servicediscovery.CloudMapStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudMapTest {
    @TempDir
    Path dir;

    Database db;
    CloudMapStore store;
    CloudMap cloudMap;
    StoreDiscoveryView view;
    OperationProgress progress;
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final AtomicInteger changes = new AtomicInteger();

    static final NetworkDirectory DEFAULT_ONLY = new NetworkDirectory() {
        @Override
        public Optional<Vpc> vpc(String vpcId) {
            return vpcId.equals("vpc-gantry")
                    ? Optional.of(new Vpc("vpc-gantry", "172.18.0.0/16", true, "available", Map.of()))
                    : Optional.empty();
        }

        @Override
        public Optional<Subnet> subnet(String subnetId) {
            return Optional.empty();
        }

        @Override
        public List<Subnet> subnets() {
            return List.of();
        }

        @Override
        public Optional<SecurityGroup> securityGroup(String groupId) {
            return Optional.empty();
        }

        @Override
        public List<SecurityGroup> securityGroups() {
            return List.of();
        }

        @Override
        public Optional<SecurityGroup> defaultSecurityGroup(String vpcId) {
            return Optional.empty();
        }
    };

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        store = new CloudMapStore(db);
        InstantSource clock = () -> now;
        view = new StoreDiscoveryView(store);
        view.onChange(changes::incrementAndGet);
        progress = new OperationProgress(store, clock);
        cloudMap = new CloudMap(
                store,
                new CloudMapIds(IdSource.random(), "us-east-1", "000000000000"),
                DEFAULT_ONLY,
                clock,
                progress,
                view);
    }

    @AfterEach
    void close() {
        progress.close();
        db.close();
    }

    String privateNamespace(String name) {
        cloudMap.createNamespace(new CloudMap.NamespaceRequest(
                NamespaceType.DNS_PRIVATE,
                name,
                Optional.of("vpc-gantry"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of()));
        return store.namespaces().stream()
                .filter(n -> n.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    String backend(String ns) {
        return cloudMap.createService(new CloudMap.ServiceRequest(
                        ns,
                        "backend",
                        Optional.empty(),
                        Optional.of(new DnsConfig(
                                RoutingPolicy.MULTIVALUE,
                                List.of(new DnsRecord(RecordType.A, 10), new DnsRecord(RecordType.SRV, 10)))),
                        new HealthCheck.Custom(Optional.empty()),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()))
                .id();
    }

    static String code(Runnable r) {
        try {
            r.run();
            return "none";
        } catch (ApiException e) {
            return e.code().wireName();
        }
    }

    @Test
    void aNamespaceIsCreatedAtOnceAndItsOperationReportsSubmittedPendingSuccess() {
        String opId = cloudMap.createNamespace(new CloudMap.NamespaceRequest(
                NamespaceType.DNS_PRIVATE,
                "local",
                Optional.of("vpc-gantry"),
                Optional.of("d"),
                Optional.empty(),
                Optional.of("req-1"),
                Map.of("a", "b")));
        assertThat(store.operation(opId).orElseThrow().status()).isEqualTo(OperationStatus.SUBMITTED);
        assertThat(store.namespaces()).singleElement().satisfies(n -> {
            assertThat(n.id()).matches("ns-[0-9a-f]{16}");
            assertThat(n.arn()).isEqualTo("arn:aws:servicediscovery:us-east-1:000000000000:namespace/" + n.id());
            assertThat(cloudMap.tags(n.arn())).containsEntry("a", "b");
        });
        now = now.plusMillis(100);
        progress.stepNow();
        assertThat(store.operation(opId).orElseThrow().status()).isEqualTo(OperationStatus.PENDING);
        now = now.plusMillis(100);
        assertThat(progress.stepNow()).isFalse();
        assertThat(store.operation(opId).orElseThrow().status()).isEqualTo(OperationStatus.SUCCESS);
        // the same CreatorRequestId and name: the same operation; another name: DuplicateRequest
        assertThat(cloudMap.createNamespace(new CloudMap.NamespaceRequest(
                        NamespaceType.DNS_PRIVATE,
                        "local",
                        Optional.of("vpc-gantry"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("req-1"),
                        Map.of())))
                .isEqualTo(opId);
        assertThat(code(() -> cloudMap.createNamespace(new CloudMap.NamespaceRequest(
                        NamespaceType.HTTP,
                        "other",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("req-1"),
                        Map.of()))))
                .isEqualTo("DuplicateRequest");
        assertThat(code(() -> privateNamespace("local"))).isEqualTo("NamespaceAlreadyExists");
        assertThat(code(() -> cloudMap.createNamespace(new CloudMap.NamespaceRequest(
                        NamespaceType.DNS_PRIVATE,
                        "x",
                        Optional.of("vpc-nope"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()))))
                .isEqualTo("InvalidInput");
    }

    @Test
    void deletesRefuseWhileInUseAndTheViewFollowsInstancesAndHealth() {
        String ns = privateNamespace("local");
        String srv = backend(ns);
        assertThat(code(() -> backend(ns))).isEqualTo("ServiceAlreadyExists");
        int before = changes.get();
        cloudMap.registerInstance(srv, "t1", Map.of(Instance.IPV4, "10.0.0.1", Instance.PORT, "80"), Optional.empty());
        cloudMap.register(srv, "t2", Map.of(Instance.IPV4, "10.0.0.2", Instance.PORT, "80"), HealthStatus.UNHEALTHY);
        assertThat(changes.get()).isEqualTo(before + 2);
        assertThat(code(() ->
                        cloudMap.registerInstance(srv, "t3", Map.of(Instance.IPV4, "10.0.0.3"), Optional.empty())))
                .isEqualTo("InvalidInput");

        DiscoverySnapshot snap = view.snapshot();
        DiscoverySnapshot.DnsName name = snap.namespaces().get(0).services().get(0);
        assertThat(snap.namespaces().get(0).vpcId()).contains("vpc-gantry");
        assertThat(name.name()).isEqualTo("backend");
        assertThat(name.ttl(RecordType.A)).contains(10L);
        assertThat(name.healthy())
                .extracting(DiscoverySnapshot.Endpoint::ipv4)
                .containsExactly(Optional.of("10.0.0.1"));

        long rev = store.revision(srv);
        cloudMap.updateCustomHealth(srv, "t2", HealthStatus.HEALTHY);
        assertThat(store.revision(srv)).isGreaterThan(rev);
        assertThat(view.snapshot().namespaces().get(0).services().get(0).healthy())
                .hasSize(2);

        assertThat(code(() -> cloudMap.deleteNamespace(ns))).isEqualTo("ResourceInUse");
        assertThat(code(() -> cloudMap.deleteService(srv))).isEqualTo("ResourceInUse");
        assertThat(cloudMap.deregister(srv, "t1")).isTrue();
        assertThat(cloudMap.deregister(srv, "t1")).isFalse();
        assertThat(code(() -> cloudMap.deregisterInstance(srv, "t1"))).isEqualTo("InstanceNotFound");
        cloudMap.deregisterInstance(srv, "t2");
        cloudMap.deleteService(srv);
        cloudMap.deleteNamespace(ns);
        assertThat(view.snapshot().namespaces()).isEmpty();
        assertThat(code(() -> cloudMap.requireService(srv))).isEqualTo("ServiceNotFound");
    }

    @Test
    void customHealthNeedsACustomConfigAndTheStoreIsDurable() {
        String ns = privateNamespace("local");
        String plain = cloudMap.createService(new CloudMap.ServiceRequest(
                        ns,
                        "plain",
                        Optional.empty(),
                        Optional.of(new DnsConfig(RoutingPolicy.MULTIVALUE, List.of(new DnsRecord(RecordType.A, 5)))),
                        new HealthCheck.None(),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of()))
                .id();
        cloudMap.registerInstance(plain, "i", Map.of(Instance.IPV4, "10.0.0.9"), Optional.empty());
        assertThat(code(() -> cloudMap.updateCustomHealth(plain, "i", HealthStatus.HEALTHY)))
                .isEqualTo("CustomHealthNotFound");
        assertThat(store.instance(plain, "i").orElseThrow().health()).isEqualTo(HealthStatus.UNKNOWN);
        db.close();
        db = Database.open(dir.resolve("gantry.db"));
        CloudMapStore reopened = new CloudMapStore(db);
        assertThat(reopened.service(plain)
                        .orElseThrow()
                        .dnsConfig()
                        .orElseThrow()
                        .records())
                .containsExactly(new DnsRecord(RecordType.A, 5));
        assertThat(reopened.instance(plain, "i").orElseThrow().attributes()).containsEntry(Instance.IPV4, "10.0.0.9");
        assertThat(reopened.operations()).hasSize(2);
    }

    @Test
    void updateServiceReplacesRecordsAndKeepsThePolicy() {
        String ns = privateNamespace("local");
        String srv = backend(ns);
        cloudMap.updateService(
                srv, Optional.of("new"), Optional.of(List.of(new DnsRecord(RecordType.A, 99))), Optional.empty());
        var s = cloudMap.requireService(srv);
        assertThat(s.description()).contains("new");
        assertThat(s.dnsConfig().orElseThrow().records()).containsExactly(new DnsRecord(RecordType.A, 99));
        assertThat(s.customHealth()).isTrue();
        assertThatThrownBy(
                        () -> cloudMap.updateService(srv, Optional.empty(), Optional.of(List.of()), Optional.empty()))
                .isInstanceOf(ApiException.class);
    }
}
