package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

class LogSourcesTest {

    private static ContainerDefinition awslogs(String name, Map<String, String> options) {
        return ContainerDefinition.builder()
                .name(name)
                .logConfiguration(LogConfiguration.builder()
                        .logDriver(LogDriver.AWSLOGS)
                        .options(options)
                        .build())
                .build();
    }

    @Test
    void streamIsPrefixContainerTaskId() {
        TaskDefinition def = TaskDefinition.builder()
                .containerDefinitions(
                        awslogs("web", Map.of("awslogs-group", "/ecs/web", "awslogs-stream-prefix", "ecs")),
                        ContainerDefinition.builder().name("sidecar").build())
                .build();
        LogSources.Plan plan = LogSources.plan(def, "abc123");
        assertThat(plan.sources()).containsExactly(new LogSources.Source("web", "/ecs/web", "ecs/web/abc123"));
        assertThat(plan.notes())
                .singleElement()
                .asString()
                .contains("container sidecar is not captured")
                .contains("logDriver awslogs");
    }

    @Test
    void awslogsWithoutPrefixIsANoteNotASource() {
        TaskDefinition def = TaskDefinition.builder()
                .containerDefinitions(awslogs("web", Map.of("awslogs-group", "/ecs/web")))
                .build();
        LogSources.Plan plan = LogSources.plan(def, "abc");
        assertThat(plan.sources()).isEmpty();
        assertThat(plan.notes()).singleElement().asString().contains("without awslogs-stream-prefix");
    }

    @Test
    void linesArePrefixedWithPaddedContainerNamesOnlyWhenAsked() {
        LogTail.Line line = new LogTail.Line("web", 1, "hello");
        assertThat(TaskLogs.format(line, 0)).isEqualTo("hello");
        assertThat(TaskLogs.format(line, 7)).isEqualTo("web     | hello");
        assertThat(List.of(TaskLogs.format(new LogTail.Line("sidecar", 2, "x"), 7)))
                .containsExactly("sidecar | x");
    }
}
