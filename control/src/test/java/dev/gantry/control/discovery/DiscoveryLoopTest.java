package dev.gantry.control.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.control.service.NoTargetGroups;
import dev.gantry.control.service.ServiceApplier;
import dev.gantry.control.service.ServicePlanner;
import dev.gantry.control.service.ServiceScheduler;
import dev.gantry.control.task.TaskSupervisor;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentMath;
import dev.gantry.core.service.DeploymentSettings;
import dev.gantry.core.service.DeploymentTarget;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceRegistry;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discovery loop with the real service scheduler, store, feed and runners on the fake driver, and an in-memory
 * Cloud Map: a service's RUNNING tasks get registered with ECS's attributes, a task told to stop is deregistered and
 * its replacement registered, and a fresh loop (a restart) finds the registry as it should be and changes nothing.
 */
class DiscoveryLoopTest {
    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final String ARN = ARNS.service("default", "backend");
    private static final String REG = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-backend";

    @TempDir
    Path dir;

    private Database db;
    private TaskStore tasks;
    private ServiceStore services;
    private FakeDriver driver;
    private TaskFeed feed;
    private TaskSupervisor supervisor;
    private TaskLauncher launcher;
    private ServiceScheduler scheduler;
    private RecordingRegistry cloudMap;
    private DiscoveryLoop loop;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("g.db"));
        tasks = new TaskStore(db);
        services = new ServiceStore(db);
        TaskDefinitionStore definitions = new TaskDefinitionStore(db);
        ClusterStore clusters = new ClusterStore(db);
        clusters.createOrGet(
                new Cluster(ARNS.cluster("default"), "default", "ACTIVE", List.of(), List.of(), Instant.EPOCH));
        driver = FakeDriver.create();
        driver.start();
        feed = new TaskFeed(tasks);
        supervisor = new TaskSupervisor(
                driver,
                tasks,
                feed,
                CapturedLogs.DISCARD,
                InstantSource.system(),
                "us-east-1",
                Duration.ofHours(2),
                PullProgress.NONE);
        supervisor.start();
        TagStore tags = new TagStore(db);
        launcher = new TaskLauncher(
                tasks,
                tags,
                supervisor,
                ARNS,
                IdSource.random(),
                InstantSource.system(),
                new dev.gantry.control.launch.TaskPlacement(
                        dev.gantry.control.network.FixedNetworkDirectory.defaultVpc("gantry", "172.30.0.0/16")));
        NoTargetGroups none = new NoTargetGroups();
        scheduler = new ServiceScheduler(
                        services,
                        tasks,
                        none,
                        new ServicePlanner(ServicePlanner.DEFAULT_HEALTHY_AFTER_RUNNING),
                        new ServiceApplier(services, clusters, definitions, tags, launcher, none, IdSource.random()),
                        ARNS,
                        InstantSource.system(),
                        Duration.ofSeconds(30))
                .start(feed);
        cloudMap = new RecordingRegistry();
        cloudMap.known.put(REG, new DiscoveryRegistry.Registry(REG, "srv-backend", true, false, false));
        loop = new DiscoveryLoop(services, tasks, cloudMap, ARNS, InstantSource.system(), Duration.ofSeconds(30))
                .start(feed);
        String td = definitions
                .register("backend", rev -> {
                    TaskDefs.Task t = TaskDefs.task();
                    t.family = "backend";
                    t.container(0).image = "backend:1";
                    return t.registered(ARNS.taskDefinition("backend", rev), rev, Instant.now())
                            .build();
                })
                .taskDefinitionArn();
        ServiceSpec spec = new ServiceSpec(
                ARN,
                "backend",
                ARNS.cluster("default"),
                "default",
                2,
                List.of(),
                DeploymentSettings.DEFAULTS,
                0,
                Optional.empty(),
                false,
                Instant.now(),
                "me",
                List.of(new ServiceRegistry(REG, Optional.empty(), Optional.empty(), Optional.empty())));
        Deployment first = Deployment.start(
                DeploymentMath.deploymentId(IdSource.random()),
                ARN,
                new DeploymentTarget(
                        td,
                        Optional.of("FARGATE"),
                        List.of(),
                        new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-gantry"), null, null)),
                        "LATEST"),
                2,
                Instant.now(),
                Optional.empty());
        services.create(new Service(spec, ServiceStatus.ACTIVE), first, List.of(), Optional.empty());
        scheduler.nudge(ARN);
        loop.nudge(ARN);
    }

    @AfterEach
    void stop() {
        loop.close();
        scheduler.close();
        supervisor.close();
        feed.close();
        driver.close();
        db.close();
    }

    private List<Task> live() {
        return tasks.ofGroup("default", "service:backend", Instant.now()).stream()
                .filter(t -> t.desired().status() == DesiredStatus.RUNNING
                        && t.observed().phase() == TaskPhase.RUNNING)
                .toList();
    }

    private List<String> liveIds() {
        return live().stream().map(Task::taskId).sorted().toList();
    }

    @Test
    void registersRunningTasksDeregistersOnTheStopDecisionAndRegistersTheReplacement() throws Exception {
        List<String> first =
                await(() -> cloudMap.ids(), ids -> ids.size() == 2 && ids.equals(liveIds()), "both tasks registered");
        Task one = tasks.find(first.get(0)).orElseThrow();
        DiscoveryRegistry.Instance held = cloudMap.instances(REG).stream()
                .filter(i -> i.instanceId().equals(one.taskId()))
                .findFirst()
                .orElseThrow();
        assertThat(held.attributes())
                .containsEntry(
                        "AWS_INSTANCE_IPV4",
                        one.observed().attachment().orElseThrow().privateIPv4Address())
                .containsEntry("ECS_CLUSTER_NAME", "default")
                .containsEntry("ECS_SERVICE_NAME", "backend")
                .containsEntry("ECS_TASK_DEFINITION_FAMILY", "backend")
                .containsEntry("AVAILABILITY_ZONE", "us-east-1a")
                .containsEntry("REGION", "us-east-1")
                .containsEntry("AWS_INIT_HEALTH_STATUS", "HEALTHY")
                .doesNotContainKey("AWS_INSTANCE_PORT");

        launcher.stop(one, StopCode.UserInitiated, "killed by the test");
        List<String> after = await(
                () -> cloudMap.ids(),
                ids -> !ids.contains(one.taskId()) && ids.size() == 2 && ids.equals(liveIds()),
                "the stopped task deregistered and its replacement registered");
        assertThat(cloudMap.calls).contains("deregister " + one.taskId());
        assertThat(after).doesNotContain(one.taskId());

        // a fresh loop over the same store and Cloud Map (a restart) has nothing to change
        assertThat(loop.awaitIdle(Duration.ofSeconds(10))).isTrue();
        int before = cloudMap.calls.size();
        try (DiscoveryLoop again =
                new DiscoveryLoop(services, tasks, cloudMap, ARNS, InstantSource.system(), Duration.ofSeconds(30))) {
            assertThat(again.reconcile(ARN)).isNotNull();
        }
        assertThat(cloudMap.calls.subList(before, cloudMap.calls.size())).isEmpty();
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(System.nanoTime())
                    .as("waiting for %s; last: %s", what, last)
                    .isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
