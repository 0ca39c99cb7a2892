package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class ProgressLineTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static Task.Builder task(String status) {
        return Task.builder()
                .lastStatus(status)
                .containers(
                        Container.builder().name("app").image("busybox:latest").build());
    }

    @Test
    void provisioningAndPlainPending() {
        assertThat(ProgressLine.of(task("PROVISIONING").build(), List.of())).isEqualTo("PROVISIONING");
        assertThat(ProgressLine.of(task("PENDING").build(), List.of())).isEqualTo("PENDING");
    }

    @Test
    void pendingShowsThePullAndItsDurationOnceDone() {
        assertThat(ProgressLine.of(task("PENDING").pullStartedAt(T0).build(), List.of()))
                .isEqualTo("PENDING — pulling image busybox:latest …");
        assertThat(ProgressLine.of(
                        task("PENDING")
                                .pullStartedAt(T0)
                                .pullStoppedAt(T0.plusMillis(3200))
                                .build(),
                        List.of()))
                .isEqualTo("PENDING — pulling image busybox:latest … 3s");
        assertThat(ProgressLine.of(
                        task("PENDING")
                                .pullStartedAt(T0)
                                .pullStoppedAt(T0.plusMillis(40))
                                .build(),
                        List.of()))
                .isEqualTo("PENDING — pulling image busybox:latest … 40ms");
    }

    @Test
    void runningShowsIpAndPorts() {
        Task t = task("RUNNING")
                .attachments(Attachment.builder()
                        .type("ElasticNetworkInterface")
                        .details(KeyValuePair.builder()
                                .name("privateIPv4Address")
                                .value("172.18.0.5")
                                .build())
                        .build())
                .build();
        assertThat(ProgressLine.of(t, List.of("8080/tcp"))).isEqualTo("RUNNING at 172.18.0.5 (ports 8080/tcp)");
        assertThat(ProgressLine.of(t, List.of())).isEqualTo("RUNNING at 172.18.0.5");
    }

    @Test
    void stoppingSaysWhatIsBeingWaitedFor() {
        assertThat(ProgressLine.of(task("STOPPING").build(), List.of()))
                .startsWith("STOPPING — containers got SIGTERM");
        assertThat(ProgressLine.of(task("DEPROVISIONING").build(), List.of())).isEqualTo("DEPROVISIONING");
    }

    @Test
    void stoppedShowsTheStopCode() {
        assertThat(ProgressLine.of(
                        task("STOPPED")
                                .stopCode(TaskStopCode.TASK_FAILED_TO_START)
                                .build(),
                        List.of()))
                .isEqualTo("STOPPED (TaskFailedToStart)");
    }
}
