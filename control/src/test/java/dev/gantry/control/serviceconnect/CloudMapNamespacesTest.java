package dev.gantry.control.serviceconnect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.discovery.CloudMap;
import dev.gantry.control.discovery.OperationProgress;
import dev.gantry.control.discovery.StoreDiscoveryView;
import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.core.servicediscovery.NamespaceType;
import dev.gantry.store.servicediscovery.CloudMapStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudMapNamespacesTest {
    @TempDir
    Path dir;

    @Test
    void aNamespaceResolvesByNameOrArnAndAnUnknownOneDoesNot() {
        try (Database db = Database.open(dir.resolve("gantry.db"))) {
            CloudMapStore store = new CloudMapStore(db);
            InstantSource clock = () -> Instant.parse("2026-01-01T00:00:00Z");
            OperationProgress progress = new OperationProgress(store, clock);
            try {
                new CloudMap(
                                store,
                                new CloudMapIds(IdSource.random(), "us-east-1", "000000000000"),
                                NO_NETWORK,
                                clock,
                                progress,
                                new StoreDiscoveryView(store))
                        .createNamespace(new CloudMap.NamespaceRequest(
                                NamespaceType.HTTP,
                                "apps",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Map.of()));
                String arn = store.namespaces().get(0).arn();
                CloudMapNamespaces namespaces = new CloudMapNamespaces(store);

                assertThat(namespaces.resolve("apps")).contains(arn);
                assertThat(namespaces.resolve(arn)).contains(arn);
                assertThat(namespaces.resolve("other")).isEmpty();
                assertThat(namespaces.resolve(arn.replace("us-east-1", "eu-west-1")))
                        .isEmpty();
                assertThat(namespaces.resolve("arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-none"))
                        .isEmpty();
            } finally {
                progress.close();
            }
        }
    }

    private static final NetworkDirectory NO_NETWORK = new NetworkDirectory() {
        @Override
        public Optional<Vpc> vpc(String vpcId) {
            return Optional.empty();
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
}
