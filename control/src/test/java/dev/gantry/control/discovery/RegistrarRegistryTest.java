package dev.gantry.control.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.id.IdSource;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.DnsConfig;
import dev.gantry.core.servicediscovery.DnsRecord;
import dev.gantry.core.servicediscovery.HealthCheck;
import dev.gantry.core.servicediscovery.NamespaceType;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ECS service discovery's seam over the real Cloud Map (store, registrar): lookup by ARN, register, health, deregister. */
class RegistrarRegistryTest {
    @TempDir
    Path dir;

    private Database db;
    private OperationProgress progress;
    private CloudMap cloudMap;
    private RegistrarRegistry registry;
    private DiscoveryService a;
    private DiscoveryService srv;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        CloudMapStore store = new CloudMapStore(db);
        InstantSource clock = () -> Instant.parse("2026-01-01T00:00:00Z");
        StoreDiscoveryView view = new StoreDiscoveryView(store);
        progress = new OperationProgress(store, clock);
        cloudMap = new CloudMap(
                store,
                new CloudMapIds(IdSource.random(), "us-east-1", "000000000000"),
                CloudMapTest.DEFAULT_ONLY,
                clock,
                progress,
                view);
        cloudMap.createNamespace(new CloudMap.NamespaceRequest(
                NamespaceType.DNS_PRIVATE,
                "local",
                Optional.of("vpc-gantry"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of()));
        String ns = store.namespaces().get(0).id();
        a = service(ns, "backend", RecordType.A);
        srv = service(ns, "db", RecordType.SRV);
        registry = new RegistrarRegistry(cloudMap);
    }

    @AfterEach
    void close() {
        progress.close();
        db.close();
    }

    private DiscoveryService service(String ns, String name, RecordType type) {
        return cloudMap.createService(new CloudMap.ServiceRequest(
                ns,
                name,
                Optional.empty(),
                Optional.of(new DnsConfig(RoutingPolicy.MULTIVALUE, List.of(new DnsRecord(type, 10)))),
                new HealthCheck.None(),
                Optional.empty(),
                Optional.empty(),
                Map.of()));
    }

    @Test
    void looksRegistriesUpByArnWithTheirRecordKinds() {
        assertThat(registry.registry(a.arn())).hasValueSatisfying(r -> {
            assertThat(r.serviceId()).isEqualTo(a.id());
            assertThat(r.dns()).isTrue();
            assertThat(r.srv()).isFalse();
        });
        assertThat(registry.registry(srv.arn()))
                .hasValueSatisfying(r -> assertThat(r.srv()).isTrue());
        assertThat(registry.registry(a.arn().replace(a.id(), "srv-doesnotexist0000")))
                .isEmpty();
        assertThat(registry.registry(a.id())).as("ECS wants an ARN").isEmpty();
    }

    @Test
    void registersSetsHealthAndDeregistersIdempotently() {
        Map<String, String> attrs =
                Map.of("AWS_INSTANCE_IPV4", "10.0.0.5", "ECS_CLUSTER_NAME", "default", "ECS_SERVICE_NAME", "backend");
        registry.register(a.arn(), "task1", attrs);
        assertThat(registry.instances(a.arn())).singleElement().satisfies(i -> {
            assertThat(i.instanceId()).isEqualTo("task1");
            assertThat(i.attributes()).containsAllEntriesOf(attrs);
            assertThat(i.healthy()).isTrue();
        });
        registry.setHealth(a.arn(), "task1", false);
        assertThat(registry.instances(a.arn()))
                .singleElement()
                .satisfies(i -> assertThat(i.healthy()).isFalse());
        registry.setHealth(a.arn(), "task1", true);
        assertThat(registry.instances(a.arn()))
                .singleElement()
                .satisfies(i -> assertThat(i.healthy()).isTrue());
        registry.deregister(a.arn(), "task1");
        registry.deregister(a.arn(), "task1");
        assertThat(registry.instances(a.arn())).isEmpty();
        registry.setHealth(a.arn(), "task1", false); // gone: nothing to do
    }
}
