package dev.gantry.store.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.DeploymentTarget;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceConnect;
import dev.gantry.core.service.ServiceEvent;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.tag.Tag;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:service/default/web";

    @TempDir
    Path dir;

    private Database db;
    private ServiceStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db"));
        store = new ServiceStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Service service(int desired) {
        return new Service(
                new ServiceSpec(
                        ARN,
                        "web",
                        "arn:aws:ecs:us-east-1:000000000000:cluster/default",
                        "default",
                        desired,
                        List.of(),
                        DeploymentSettings.DEFAULTS,
                        0,
                        Optional.empty(),
                        false,
                        T0,
                        "me"),
                ServiceStatus.ACTIVE);
    }

    private static Deployment deployment(String id, Instant at) {
        return Deployment.start(
                id,
                ARN,
                new DeploymentTarget(
                        "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
                        Optional.of("FARGATE"),
                        List.of(),
                        new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-gantry"), null, null)),
                        "LATEST"),
                2,
                at,
                Optional.empty());
    }

    @Test
    void aLiveServicesDeploymentKeepsItsRevisionInUseUntilTheServiceIsInactive() {
        String used = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1";
        assertThat(store.anyDeploymentUsing(used)).isFalse();
        store.create(service(2), deployment("ecs-svc/1", T0), List.of(), Optional.empty());
        assertThat(store.anyDeploymentUsing(used)).isTrue();
        assertThat(store.anyDeploymentUsing("arn:aws:ecs:us-east-1:000000000000:task-definition/web:2"))
                .isFalse();
        assertThat(store.markDraining(ARN)).isTrue(); // DeleteService: still launching/stopping, still in use
        assertThat(store.anyDeploymentUsing(used)).isTrue();
        store.markInactive(ARN, T0);
        assertThat(store.anyDeploymentUsing(used)).isFalse();
    }

    @Test
    void aDeploymentKeepsItsServiceConnectConfiguration() {
        Deployment plain = deployment("ecs-svc/1", T0);
        ServiceConnect sc = new ServiceConnect(
                true,
                Optional.of("arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-1"),
                List.of(new ServiceConnect.Endpoint(
                        "http",
                        Optional.of("backend"),
                        List.of(new ServiceConnect.ClientAlias(8080, Optional.empty())),
                        Optional.empty(),
                        Optional.of(new ServiceConnect.Timeout(Optional.of(0), Optional.of(5))))),
                Optional.empty());
        DeploymentTarget t = plain.target();
        Deployment withSc = Deployment.start(
                "ecs-svc/1",
                ARN,
                new DeploymentTarget(
                        t.taskDefinitionArn(),
                        t.launchType(),
                        t.capacityProviderStrategy(),
                        t.networkConfiguration(),
                        t.platformVersion(),
                        Optional.of(sc)),
                2,
                T0,
                Optional.empty());
        store.create(service(2), withSc, List.of(), Optional.empty());

        assertThat(store.deployment("ecs-svc/1").orElseThrow().target().serviceConnect())
                .contains(sc);
        assertThat(plain.target().serviceConnect()).isEmpty();
    }

    @Test
    void createIsIdempotentByClientTokenAndRefusesATakenName() {
        var first =
                store.create(service(2), deployment("ecs-svc/1", T0), List.of(new Tag("k", "v")), Optional.of("tok"));
        assertThat(first).isInstanceOf(ServiceCreate.Created.class);
        assertThat(store.create(service(3), deployment("ecs-svc/2", T0), List.of(), Optional.of("tok")))
                .isInstanceOfSatisfying(
                        ServiceCreate.TokenAlreadyUsed.class,
                        t -> assertThat(t.service().spec().desiredCount()).isEqualTo(2));
        assertThat(store.create(service(3), deployment("ecs-svc/3", T0), List.of(), Optional.empty()))
                .isInstanceOf(ServiceCreate.NameInUse.class);
        assertThat(store.deployments(ARN)).extracting(Deployment::id).containsExactly("ecs-svc/1");
    }

    @Test
    void anUpdateWithANewDeploymentDemotesThePrimaryInOneStep() {
        store.create(service(2), deployment("ecs-svc/1", T0), List.of(), Optional.empty());
        assertThat(store.updateSpec(
                        service(4).spec(), Optional.of(deployment("ecs-svc/2", T0.plusSeconds(5))), T0.plusSeconds(5)))
                .isTrue();
        assertThat(store.find(ARN).orElseThrow().spec().desiredCount()).isEqualTo(4);
        assertThat(store.deployments(ARN))
                .extracting(Deployment::id, Deployment::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ecs-svc/2", DeploymentStatus.PRIMARY),
                        org.assertj.core.groups.Tuple.tuple("ecs-svc/1", DeploymentStatus.ACTIVE));
    }

    @Test
    void aRollbackHappensOnceWhileTheFailedDeploymentIsPrimary() {
        store.create(service(2), deployment("ecs-svc/1", T0), List.of(), Optional.empty());
        Deployment failed = store.deployment("ecs-svc/1")
                .orElseThrow()
                .withRollout(RolloutState.FAILED, "x", T0)
                .withStatus(DeploymentStatus.ACTIVE, T0);
        assertThat(store.startRollback(failed, deployment("ecs-svc/2", T0.plusSeconds(1))))
                .isTrue();
        assertThat(store.startRollback(failed, deployment("ecs-svc/3", T0.plusSeconds(2))))
                .isFalse();
        assertThat(store.deployments(ARN)).hasSize(2);
    }

    @Test
    void eventsAreNewestFirstAtMost100AndARepeatOfTheNewestIsSuppressed() {
        store.create(service(2), deployment("ecs-svc/1", T0), List.of(), Optional.empty());
        Duration sixHours = Duration.ofHours(6);
        for (int i = 0; i < 120; i++) {
            assertThat(store.addEvent(ARN, new ServiceEvent("e" + i, T0.plusSeconds(i), "message " + i), sixHours))
                    .isTrue();
        }
        assertThat(store.addEvent(ARN, new ServiceEvent("dup", T0.plusSeconds(200), "message 119"), sixHours))
                .isFalse();
        assertThat(store.addEvent(
                        ARN, new ServiceEvent("late", T0.plusSeconds(119).plus(sixHours), "message 119"), sixHours))
                .isTrue();
        List<ServiceEvent> events = store.events(ARN);
        assertThat(events).hasSize(ServiceStore.MAX_EVENTS);
        assertThat(events.get(0).id()).isEqualTo("late");
        assertThat(events.get(1).id()).isEqualTo("e119");
        assertThat(events.get(99).id()).isEqualTo("e21");
    }

    @Test
    void drainingHidesFromListingAndInactiveFreesTheName() {
        store.create(service(2), deployment("ecs-svc/1", T0), List.of(), Optional.empty());
        assertThat(store.listActive("default", Optional.empty(), 0, 10).items()).hasSize(1);
        assertThat(store.listActive("default", Optional.of("EC2"), 0, 10).items())
                .isEmpty();
        assertThat(store.markDraining(ARN)).isTrue();
        assertThat(store.markDraining(ARN)).isFalse();
        assertThat(store.listActive("default", Optional.empty(), 0, 10).items()).isEmpty();
        assertThat(store.unfinishedArns()).containsExactly(ARN);
        store.markInactive(ARN, T0);
        assertThat(store.find(ARN).orElseThrow().status()).isEqualTo(ServiceStatus.INACTIVE);
        assertThat(store.unfinishedArns()).isEmpty();
        assertThat(store.deployments(ARN))
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeploymentStatus.INACTIVE));
        assertThat(store.create(service(1), deployment("ecs-svc/9", T0), List.of(), Optional.empty()))
                .isInstanceOf(ServiceCreate.Created.class);
        assertThat(store.deployments(ARN)).extracting(Deployment::id).containsExactly("ecs-svc/9");
    }

    @Test
    void marksAreKeptPerTaskAndForgottenWithTheirTasks() {
        store.create(service(2), deployment("ecs-svc/1", T0), List.of(), Optional.empty());
        store.putMark(TaskMark.none("t1", ARN).healthy(T0).registered(T0));
        store.putMark(TaskMark.none("t2", ARN).draining(T0));
        assertThat(store.marks(ARN).get("t1").healthyAt()).contains(T0);
        assertThat(store.marks(ARN).get("t2").drainStartedAt()).contains(T0);
        store.retainMarks(ARN, Set.of("t2"));
        assertThat(store.marks(ARN)).containsOnlyKeys("t2");
    }
}
