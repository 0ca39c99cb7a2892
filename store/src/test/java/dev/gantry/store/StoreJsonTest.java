package dev.gantry.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.task.ContainerState;
import dev.gantry.core.taskdef.ContainerDependency;
import dev.gantry.core.taskdef.DependencyCondition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stored JSON keeps enums by their wire names, so existing rows read back and renaming a constant is a migration. */
class StoreJsonTest {

    @Test
    void containerStatusIsStoredByName() {
        ContainerState running = ContainerState.pending("web", "c-1").running(Instant.EPOCH);
        String json = StoreJson.write(running);
        assertThat(json).contains("\"lastStatus\":\"RUNNING\"");
        assertThat(StoreJson.read(json, ContainerState.class)).isEqualTo(running);
        assertThat(StoreJson.read(json.replace("\"RUNNING\"", "\"STOPPED\""), ContainerState.class)
                        .isStopped())
                .isTrue();
    }

    @Test
    void dependencyConditionIsStoredByName() {
        ContainerDependency d = new ContainerDependency("db", DependencyCondition.HEALTHY);
        String json = StoreJson.write(d);
        assertThat(json).isEqualTo("{\"containerName\":\"db\",\"condition\":\"HEALTHY\"}");
        assertThat(StoreJson.read(json, ContainerDependency.class)).isEqualTo(d);
    }
}
