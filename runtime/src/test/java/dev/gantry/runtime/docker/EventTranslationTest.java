package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.spi.Health;
import dev.gantry.runtime.spi.RuntimeEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTranslationTest {

    private static final Map<String, String> ATTRS = Map.of(
            Names.LABEL_TASK_ID, "t1", Names.LABEL_CONTAINER_NAME, "web", "exitCode", "3", "name", "gantry-t1-web");

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
    void aClaimedSandboxsDeathBecomesSandboxExited() {
        Map<String, String> sandbox = Map.of(Names.LABEL_ROLE, Names.ROLE_SANDBOX, "name", "gantry-t1-sandbox");
        assertThat(EventWatcher.translate("die", "sid", sandbox)).contains(new RuntimeEvent.SandboxExited("t1", "sid"));
        assertThat(EventWatcher.translate("start", "sid", sandbox)).isEmpty();
        assertThat(EventWatcher.translate(
                        "die",
                        "sid",
                        Map.of(Names.LABEL_ROLE, Names.ROLE_SANDBOX, "name", Names.poolSandbox("inst1", "abc"))))
                .as("a warm sandbox belongs to no task")
                .isEmpty();
    }

    @Test
    void othersAreIgnored() {
        assertThat(EventWatcher.translate("start", "cid", ATTRS)).isEmpty();
        assertThat(EventWatcher.translate("die", "cid", Map.of("name", "x"))).isEmpty();
        assertThat(EventWatcher.translate("health_status: weird", "cid", ATTRS)).isEmpty();
        assertThat(EventWatcher.translate(null, "cid", ATTRS)).isEmpty();
    }
}
