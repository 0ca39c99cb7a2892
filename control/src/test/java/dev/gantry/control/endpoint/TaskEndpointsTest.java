package dev.gantry.control.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.endpoint.TaskEndpoints.CredentialsAnswer;
import dev.gantry.control.inject.ContainerInputs;
import dev.gantry.control.task.ContainerSpecs;
import dev.gantry.core.task.Task;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.runtime.fake.FakeDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Who may ask for what: ids bound to the caller's task IP; credentials cached and renewed before expiry. */
class TaskEndpointsTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/app";
    private final AtomicReference<Instant> now = new AtomicReference<>(EndpointFixtures.T0);
    private final InstantSource clock = () -> now.get();
    private final List<String> issues = new ArrayList<>();
    private final LiveTasks live = new LiveTasks(id -> Optional.empty());
    private final EndpointIds ids = new EndpointIds(EndpointFixtures.KEY);
    private final TaskEndpoints endpoints = new TaskEndpoints(
            ids,
            live,
            FakeDriver.create(),
            (role, session, duration) -> {
                issues.add(role + " " + session + " " + duration);
                return new RoleCredentials(
                        "ASIA" + issues.size(), "secret", "token", now.get().plus(duration), role);
            },
            clock);

    @Test
    void metadataIdsAnswerOnlyFromTheirTasksIp() {
        Task a = EndpointFixtures.task("10.0.0.2", Optional.empty());
        Task b = EndpointFixtures.task("10.0.0.3", Optional.empty());
        live.put(a);
        live.put(b);
        String webOfA = ids.metadataId(a.taskId(), "web");
        assertThat(endpoints.metadata("10.0.0.2", webOfA)).hasValueSatisfying(c -> {
            assertThat(c.task().taskId()).isEqualTo(a.taskId());
            assertThat(c.containerName()).isEqualTo("web");
        });
        assertThat(endpoints.metadata("10.0.0.2", ids.metadataId(a.taskId(), "sidecar")))
                .hasValueSatisfying(c -> assertThat(c.containerName()).isEqualTo("sidecar"));
        assertThat(endpoints.metadata("10.0.0.3", webOfA)).as("from B's IP").isEmpty();
        assertThat(endpoints.metadata("172.17.0.1", webOfA)).as("from the host").isEmpty();
        assertThat(endpoints.metadata("10.0.0.2", webOfA + "0")).isEmpty();
    }

    @Test
    void aContainerAheadOfItsFeedTransitionGetsItsRuntimeIdFromTheStore() {
        Task indexed = EndpointFixtures.task("10.0.0.2", Optional.empty()); // as the index last heard: no ids yet
        Task stored = new Task(
                indexed.spec(),
                indexed.desired(),
                indexed.observed()
                        .withContainer("web", s -> s.withRuntimeId("web-id"))
                        .withContainer("sidecar", s -> s.withRuntimeId("sidecar-id")),
                indexed.version() + 1);
        List<String> reads = new ArrayList<>();
        LiveTasks lagging = new LiveTasks(id -> {
            reads.add(id);
            return Optional.of(stored);
        });
        lagging.put(indexed);
        TaskEndpoints behind = new TaskEndpoints(ids, lagging, FakeDriver.create(), (r, s, d) -> null, clock);
        assertThat(behind.metadata("10.0.0.2", ids.metadataId(indexed.taskId(), "web")))
                .hasValueSatisfying(c -> {
                    assertThat(c.task().observed().container("web").flatMap(x -> x.runtimeId()))
                            .contains("web-id");
                    assertThat(c.task().observed().container("sidecar").flatMap(x -> x.runtimeId()))
                            .contains("sidecar-id");
                });
        assertThat(lagging.atIp("10.0.0.2").map(Task::version)).as("re-indexed").contains(stored.version());
        behind.metadata("10.0.0.2", ids.metadataId(indexed.taskId(), "sidecar"));
        assertThat(reads)
                .as("one store read, only while the index lacked the id")
                .hasSize(1);
        assertThat(behind.metadata("10.0.0.3", ids.metadataId(indexed.taskId(), "web")))
                .as("from another IP: nothing, and no read")
                .isEmpty();
        assertThat(reads).hasSize(1);
    }

    @Test
    void aStoppedTaskLeavesTheIndexAndItsIpMayGoToANewTask() {
        Task a = EndpointFixtures.task("10.0.0.2", Optional.empty());
        live.put(a);
        live.put(EndpointFixtures.stopped(a));
        assertThat(endpoints.metadata("10.0.0.2", ids.metadataId(a.taskId(), "web")))
                .isEmpty();
        Task next = EndpointFixtures.task("10.0.0.2", Optional.empty());
        live.put(a); // a late re-read of the old task must not take the IP back from the new one
        live.put(next);
        live.forget(a.taskId());
        assertThat(endpoints.metadata("10.0.0.2", ids.metadataId(next.taskId(), "web")))
                .isPresent();
    }

    @Test
    void credentialsAreIssuedOnceCachedAndRenewedBeforeTheyExpire() {
        Task a = EndpointFixtures.task("10.0.0.2", Optional.of(ROLE));
        live.put(a);
        String id = ids.credentialsId(a.taskArn());
        CredentialsAnswer first = endpoints.credentials("10.0.0.2", id);
        assertThat(first).isInstanceOfSatisfying(CredentialsAnswer.Issued.class, i -> {
            assertThat(i.credentials().roleArn()).isEqualTo(ROLE);
            assertThat(i.credentials().expiration()).isEqualTo(EndpointFixtures.T0.plus(TaskEndpoints.SESSION));
        });
        assertThat(issues).containsExactly(ROLE + " " + a.taskId() + " " + TaskEndpoints.SESSION);
        now.set(EndpointFixtures.T0.plus(Duration.ofMinutes(30)));
        assertThat(endpoints.credentials("10.0.0.2", id)).isEqualTo(first);
        assertThat(issues).hasSize(1);
        now.set(EndpointFixtures.T0.plus(TaskEndpoints.SESSION).minus(TaskEndpoints.RENEW_BEFORE));
        assertThat(endpoints.credentials("10.0.0.2", id))
                .isInstanceOfSatisfying(
                        CredentialsAnswer.Issued.class,
                        i -> assertThat(i.credentials().accessKeyId()).isEqualTo("ASIA2"));
        assertThat(issues).hasSize(2);
    }

    @Test
    void credentialsRefuseOtherIpsUnknownIdsAndTasksWithoutARole() {
        Task a = EndpointFixtures.task("10.0.0.2", Optional.of(ROLE));
        Task noRole = EndpointFixtures.task("10.0.0.3", Optional.empty());
        live.put(a);
        live.put(noRole);
        String id = ids.credentialsId(a.taskArn());
        assertThat(endpoints.credentials("10.0.0.3", id)).isInstanceOf(CredentialsAnswer.UnknownId.class);
        assertThat(endpoints.credentials("10.0.0.2", "not-an-id")).isInstanceOf(CredentialsAnswer.UnknownId.class);
        assertThat(endpoints.credentials("10.0.0.3", ids.credentialsId(noRole.taskArn())))
                .isInstanceOf(CredentialsAnswer.UnknownId.class);
        assertThat(issues).isEmpty();
    }

    @Test
    void anUnavailableSourceIsReportedWithItsReason() {
        Task a = EndpointFixtures.task("10.0.0.2", Optional.of(ROLE));
        live.put(a);
        endpoints.roleCredentials(RoleCredentialSource.UNAVAILABLE);
        assertThat(endpoints.credentials("10.0.0.2", ids.credentialsId(a.taskArn())))
                .isEqualTo(new CredentialsAnswer.Unavailable(RoleCredentialSource.NOT_AVAILABLE));
    }

    @Test
    void containersGetTheEndpointVariablesWhichTheirOwnEnvironmentCannotReplace() {
        Task a = EndpointFixtures.task("10.0.0.2", Optional.of(ROLE));
        var web = a.spec().container("web").orElseThrow();
        Map<String, String> platform = endpoints.platform(a.spec(), web);
        assertThat(platform)
                .containsEntry(
                        "ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/" + ids.metadataId(a.taskId(), "web"))
                .containsEntry(
                        "ECS_CONTAINER_METADATA_URI", "http://169.254.170.2/v3/" + ids.metadataId(a.taskId(), "web"))
                .containsEntry(
                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/" + ids.credentialsId(a.taskArn()));
        Task noRole = EndpointFixtures.task("10.0.0.3", Optional.empty());
        assertThat(endpoints.platform(noRole.spec(), web)).doesNotContainKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        assertThat(endpoints.defaults(a.spec(), web)).isEmpty();
        endpoints.serving("http://172.18.0.1:4567", new TaskEndpoints.Bridge("172.18.0.0/16", "172.18.0.1"));
        assertThat(endpoints.defaults(a.spec(), web)).containsEntry("AWS_ENDPOINT_URL", "http://172.18.0.1:4567");
    }

    @Test
    void inTheContainerSpecTheTaskMayOverrideTheEndpointUrlButNotTheEndpointVariables() {
        Task a = EndpointFixtures.task("10.0.0.2", Optional.of(ROLE));
        endpoints.serving("http://172.18.0.1:4567", new TaskEndpoints.Bridge("172.18.0.0/16", "172.18.0.1"));
        TaskDefs.Container c = new TaskDefs.Container("web");
        c.environment = List.of(
                TaskDefs.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/mine"),
                TaskDefs.env("ECS_CONTAINER_METADATA_URI_V4", "http://elsewhere"),
                TaskDefs.env("AWS_ENDPOINT_URL", "http://my-endpoint"),
                TaskDefs.env("APP", "1"));
        Map<String, String> env = ContainerSpecs.of(a.spec(), c.build(), "us-east-1", endpoints, ContainerInputs.NONE)
                .environment();
        assertThat(env)
                .containsEntry(
                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/" + ids.credentialsId(a.taskArn()))
                .containsEntry(
                        "ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/" + ids.metadataId(a.taskId(), "web"))
                .containsEntry("AWS_ENDPOINT_URL", "http://my-endpoint")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_ECS_FARGATE")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("APP", "1");
    }
}
