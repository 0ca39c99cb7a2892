package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** The ps table, the describe block and the stop exit table, rendered from SDK objects. */
class RenderTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final String ARN =
            "arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef";

    private static Task stopped() {
        return Task.builder()
                .taskArn(ARN)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/job:2")
                .lastStatus("STOPPED")
                .desiredStatus("STOPPED")
                .healthStatus("UNKNOWN")
                .createdAt(NOW.minusSeconds(192))
                .startedAt(NOW.minusSeconds(190))
                .stoppedAt(NOW.minusSeconds(10))
                .stopCode(TaskStopCode.ESSENTIAL_CONTAINER_EXITED)
                .stoppedReason("Essential container in task exited")
                .containers(Container.builder()
                        .name("job")
                        .lastStatus("STOPPED")
                        .exitCode(3)
                        .healthStatus("UNKNOWN")
                        .build())
                .build();
    }

    @Test
    void psTableShowsWholeTaskIdsAsTheAwsCliTakesThem() {
        assertThat(PsCommand.table(List.of(stopped()), NOW).render()).isEqualTo("""
                TASK                               DEFINITION   STATUS    HEALTH    IP   AGE     STOP CODE
                0123456789abcdef0123456789abcdef   job:2        STOPPED   UNKNOWN   -    3m12s   EssentialContainerExited
                """);
    }

    @Test
    void describeBlock() {
        String out = DescribeCommand.render(stopped(), List.of(), Set.of("job"), NOW, ZoneOffset.UTC);
        assertThat(out)
                .contains("Task:       0123456789abcdef0123456789abcdef\n")
                .contains("Definition: job:2\n")
                .contains("Status:     STOPPED (desired STOPPED)\n")
                .contains("Created:    2025-01-01 11:56:48 (3m12s ago)\n")
                .contains("Stop code:  EssentialContainerExited\n")
                .contains("Why it stopped:\n  The essential container job exited with code 3")
                .contains("NAME   STATUS    EXIT   HEALTH    REASON\njob    STOPPED   3      UNKNOWN   -\n");
    }

    @Test
    void stopExitTable() {
        assertThat(StopCommand.exits(stopped()).render())
                .isEqualTo("CONTAINER   EXIT   REASON\njob         3      -\n");
    }
}
