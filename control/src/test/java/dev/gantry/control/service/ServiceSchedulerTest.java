package dev.gantry.control.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.lb.Target;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import dev.gantry.control.logs.CapturedLogs;
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
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceEvent;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceMessages;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.task.DesiredStatus;
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
 * The scheduler's applier and loop on the fake driver, a real store and a fake target group registry: tasks are
 * launched with startedBy and group, registered in the target group when RUNNING, counted healthy only when the
 * target is, replaced when the target turns unhealthy, and on a new deployment the old tasks are deregistered and
 * stopped only after the deregistration delay.
 */
class ServiceSchedulerTest {
    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final String ARN = ARNS.service("default", "web");
    private static final NetworkConfiguration NET =
            new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-gantry"), null, null));

    @TempDir
    Path dir;

    private Database db;
    private TaskStore tasks;
    private ServiceStore services;
    private TaskDefinitionStore definitions;
    private FakeDriver driver;
    private TaskFeed feed;
    private TaskSupervisor supervisor;
    private FakeTargetGroups registry;
    private ServiceScheduler scheduler;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("g.db"));
        tasks = new TaskStore(db);
        services = new ServiceStore(db);
        definitions = new TaskDefinitionStore(db);
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
        TaskLauncher launcher = new TaskLauncher(
                tasks,
                tags,
                supervisor,
                ARNS,
                IdSource.random(),
                InstantSource.system(),
                new dev.gantry.control.launch.TaskPlacement(
                        dev.gantry.control.network.FixedNetworkDirectory.defaultVpc("gantry", "172.30.0.0/16")));
        registry = new FakeTargetGroups(Duration.ofMillis(300));
        scheduler = new ServiceScheduler(
                        services,
                        tasks,
                        registry,
                        new ServicePlanner(ServicePlanner.DEFAULT_HEALTHY_AFTER_RUNNING),
                        new ServiceApplier(
                                services, clusters, definitions, tags, launcher, registry, IdSource.random()),
                        ARNS,
                        InstantSource.system(),
                        Duration.ofSeconds(30))
                .start(feed);
    }

    @AfterEach
    void stop() {
        scheduler.close();
        supervisor.close();
        feed.close();
        driver.close();
        db.close();
    }

    private String register(String image) {
        return definitions
                .register("web", rev -> {
                    TaskDefs.Task t = TaskDefs.task();
                    t.family = "web";
                    t.container(0).image = image;
                    t.container(0).portMappings = List.of(TaskDefs.port(8080));
                    return t.registered(ARNS.taskDefinition("web", rev), rev, Instant.now())
                            .build();
                })
                .taskDefinitionArn();
    }

    private Deployment deployment(String taskDefinition) {
        return Deployment.start(
                DeploymentMath.deploymentId(IdSource.random()),
                ARN,
                new DeploymentTarget(taskDefinition, Optional.of("FARGATE"), List.of(), NET, "LATEST"),
                2,
                Instant.now(),
                Optional.empty());
    }

    private ServiceSpec spec() {
        return new ServiceSpec(
                ARN,
                "web",
                ARNS.cluster("default"),
                "default",
                2,
                List.of(new ServiceLoadBalancer(FakeTargetGroups.TG, "web", 8080)),
                DeploymentSettings.DEFAULTS,
                0,
                Optional.empty(),
                false,
                Instant.now(),
                "me");
    }

    private List<Task> live() {
        return tasks.ofGroup("default", "service:web", Instant.now()).stream()
                .filter(t -> t.desired().status() == DesiredStatus.RUNNING)
                .toList();
    }

    private static Target target(Task t) {
        return new Target(t.observed().attachment().orElseThrow().privateIPv4Address(), 8080);
    }

    /**
     * Registered as the scheduler recorded it. Not "its address is in the fake group": a replacement may get the
     * address its stopped predecessor freed, whose target stays in the group (draining), before the scheduler has
     * registered the replacement.
     */
    private boolean registered(Task t) {
        return Optional.ofNullable(services.marks(ARN).get(t.taskId()))
                        .flatMap(m -> m.registeredAt())
                        .isPresent()
                && registry.targets.containsKey(target(t));
    }

    private void healthy(List<Task> ts) {
        ts.forEach(t -> registry.set(target(t), TargetHealth.healthy()));
    }

    private List<String> events() {
        return services.events(ARN).stream().map(ServiceEvent::message).toList();
    }

    @Test
    void loadBalancedTasksAreRegisteredCountedByTargetHealthReplacedAndDrained() {
        String v1 = register("web:1");
        Deployment first = deployment(v1);
        services.create(new Service(spec(), ServiceStatus.ACTIVE), first, List.of(), Optional.empty());
        scheduler.nudge(ARN);

        List<Task> started = await(
                this::live,
                l -> l.size() == 2
                        && l.stream().allMatch(t -> t.observed().phase() == TaskPhase.RUNNING)
                        && registry.targets.size() == 2,
                "two RUNNING tasks registered");
        assertThat(started).allSatisfy(t -> {
            assertThat(t.spec().startedBy()).contains(first.id());
            assertThat(t.spec().group()).isEqualTo("service:web");
        });
        // the two tasks may turn RUNNING in one pass or in two (then "registered 1" once: a repeat is suppressed)
        assertThat(events())
                .containsAnyOf(
                        ServiceMessages.registered("web", 2, FakeTargetGroups.TG),
                        ServiceMessages.registered("web", 1, FakeTargetGroups.TG));
        // registered but initial: not healthy, so the deployment is not complete
        assertThat(services.deployment(first.id()).orElseThrow().rolloutState()).isEqualTo(RolloutState.IN_PROGRESS);

        healthy(started);
        await(
                () -> services.deployment(first.id()).orElseThrow().rolloutState(),
                RolloutState.COMPLETED::equals,
                "the first deployment to complete once its targets are healthy");

        // an unhealthy target gets its task replaced
        Task sick = started.get(0);
        registry.set(target(sick), TargetHealth.of(TargetState.UNHEALTHY, "Target.Timeout", "timed out"));
        Task stopped = await(
                () -> tasks.find(sick.taskId()).orElseThrow(),
                t -> t.desired().status() == DesiredStatus.STOPPED,
                "the sick task to be stopped");
        assertThat(stopped.desired().stoppedReason()).contains(ServiceMessages.failedElb(FakeTargetGroups.TG));
        assertThat(registry.calls).contains("deregister " + target(sick).ip() + ":8080");
        List<Task> healed = await(
                this::live,
                l -> l.size() == 2
                        && l.stream().noneMatch(t -> t.taskId().equals(sick.taskId()))
                        && l.stream().allMatch(t -> t.observed().phase() == TaskPhase.RUNNING)
                        && l.stream().allMatch(this::registered),
                "a registered replacement");
        healthy(healed);

        // a new deployment: old tasks are deregistered first and stopped only after the delay
        String v2 = register("web:2");
        Deployment second = deployment(v2);
        services.updateSpec(spec(), Optional.of(second), Instant.now());
        scheduler.nudge(ARN);
        List<Task> fresh = await(
                () -> live().stream()
                        .filter(t -> t.spec().startedBy().orElse("").equals(second.id()))
                        .toList(),
                l -> l.size() == 2
                        && l.stream().allMatch(t -> t.observed().phase() == TaskPhase.RUNNING)
                        && l.stream().allMatch(this::registered),
                "the new deployment's tasks registered");
        healthy(fresh);
        await(
                () -> services.deployment(second.id()).orElseThrow().rolloutState(),
                RolloutState.COMPLETED::equals,
                "the second deployment to complete");
        for (Task old : healed) {
            Task done = tasks.find(old.taskId()).orElseThrow();
            assertThat(done.desired().stopCode()).isPresent();
            assertThat(done.desired().stoppedReason()).contains(ServiceMessages.scaledIn(second.id()));
            String deregister = "deregister " + target(old).ip() + ":8080";
            assertThat(registry.calls).contains(deregister);
            Instant drainStarted =
                    services.marks(ARN).get(old.taskId()).drainStartedAt().orElseThrow();
            assertThat(done.desired().stopRequestedAt().orElseThrow())
                    .as("stopped after the 300 ms deregistration delay")
                    .isAfterOrEqualTo(drainStarted.plusMillis(300));
        }
        assertThat(events()).anyMatch(m -> m.startsWith("(service web) has begun draining connections on "));
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
