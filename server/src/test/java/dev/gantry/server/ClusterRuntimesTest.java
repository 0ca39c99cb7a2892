package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterRuntimesTest {
    static final String CLUSTER = "arn:aws:ecs:us-east-1:000000000000:cluster/";

    static TaskSpec in(String cluster) {
        return new TaskSpec(
                CLUSTER + cluster + "/t",
                "t",
                CLUSTER + cluster,
                cluster,
                null /* only the cluster matters here */,
                "256",
                "512",
                "family:app",
                Optional.empty(),
                "FARGATE",
                "1.4.0",
                Map.of(),
                List.of(),
                Instant.EPOCH);
    }

    @Test
    void theClustersTagWinsThenTheConfiguredDefaultThenTheEngines(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("gantry.db"))) {
            TagStore tags = new TagStore(db);
            tags.put(CLUSTER + "isolated", List.of(new Tag("gantry:runtime", "runsc")));
            tags.put(CLUSTER + "plain", List.of(new Tag("gantry:runtime", "runc"), new Tag("team", "a")));

            ClusterRuntimes none = new ClusterRuntimes(tags, Optional.empty());
            assertThat(none.runtimeFor(in("isolated"))).contains("runsc");
            assertThat(none.runtimeFor(in("untagged"))).isEmpty();

            ClusterRuntimes gvisorByDefault = new ClusterRuntimes(tags, Optional.of("runsc"));
            assertThat(gvisorByDefault.runtimeFor(in("untagged"))).contains("runsc");
            assertThat(gvisorByDefault.runtimeFor(in("plain"))).contains("runc");
        }
    }
}
