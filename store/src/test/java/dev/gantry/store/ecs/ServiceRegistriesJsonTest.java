package dev.gantry.store.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.store.StoreJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A service's serviceRegistries survive the spec's JSON column; a spec stored before them reads as none. */
class ServiceRegistriesJsonTest {
    private static final ServiceSpec SPEC = new ServiceSpec(
            "arn:aws:ecs:us-east-1:000000000000:service/default/backend",
            "backend",
            "arn:aws:ecs:us-east-1:000000000000:cluster/default",
            "default",
            2,
            List.of(),
            DeploymentSettings.DEFAULTS,
            0,
            Optional.empty(),
            false,
            Instant.parse("2026-11-29T12:00:00Z"),
            "me",
            List.of(new ServiceRegistry(
                    "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-1",
                    Optional.empty(),
                    Optional.of("app"),
                    Optional.of(8080))));

    @Test
    void roundTrips() {
        assertThat(StoreJson.read(StoreJson.write(SPEC), ServiceSpec.class)).isEqualTo(SPEC);
    }

    @Test
    void aSpecStoredBeforeRegistriesHasNone() {
        String old = StoreJson.write(SPEC).replaceAll(",\"serviceRegistries\":\\[[^\\]]*\\]", "");
        assertThat(old).doesNotContain("serviceRegistries");
        assertThat(StoreJson.read(old, ServiceSpec.class).serviceRegistries()).isEmpty();
    }
}
