package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.spi.Health;
import dev.gantry.runtime.spi.RuntimeEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTranslationTest {

    private static final Map<String, String> ATTRS = Map.of(Names.LABEL_TASK_ID, "t1",
            Names.LABEL_CONTAINER_NAME, "web", "exitCode", "3", "name", "gantry-t1-web");

    @Test
    void dieBecomesContainerExited() {
        assertThat(EventWatcher.translate("die", "cid", ATTRS))
                .contains(new RuntimeEvent.ContainerExited("t1", "web", "cid"));
    }

    @Test
    void healthStatusBecomesHealthChanged() {
        assertThat(EventWatcher.translate("health_status: healthy", "cid", ATTRS))
                .contains(new RuntimeEvent.HealthChanged("t1", "web", "cid", Health.HEALTHY));
        assertThat(EventWatcher.translate("health_status: unhealthy", "cid", ATTRS))
                .contains(new RuntimeEvent.HealthChanged("t1", "web", "cid", Health.UNHEALTHY));
    }

    @Test
    void othersAreIgnored() {
        assertThat(EventWatcher.translate("start", "cid", ATTRS)).isEmpty();
        assertThat(EventWatcher.translate("die", "cid", Map.of("name", "x"))).isEmpty();
        assertThat(EventWatcher.translate("health_status: weird", "cid", ATTRS)).isEmpty();
        assertThat(EventWatcher.translate(null, "cid", ATTRS)).isEmpty();
    }
}
