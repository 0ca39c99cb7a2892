package dev.gantry.bench;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.ecs.EcsContext;
import dev.gantry.api.ecs.EcsService;
import dev.gantry.api.http.ApiServer;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.housekeeping.DeletedRevisions;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.control.task.TaskSupervisor;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.id.IdSource;
import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Gantry's control plane and ECS API wired as {@code GantryServer.start} wires them, but on the in-tree
 * {@link FakeDriver} (nothing runs; every engine call is a few map operations), so a benchmark measures the API,
 * the launcher, the runners and the store. Tasks without awslogs only: log capture is a no-op.
 */
final class FakeGantry implements AutoCloseable {
    static final String KEY = "AKIAGANTRYBENCH00002";
    static final String SECRET = "gantry-bench-secret-00000000000000000002";

    final Database db;
    final TaskStore tasks;
    final FakeDriver driver;
    final TaskSupervisor supervisor;
    final TaskLauncher launcher;
    final Cluster cluster;
    final TaskDefinitionStore definitions;
    final ApiServer api;

    private FakeGantry(
            Database db,
            TaskStore tasks,
            FakeDriver driver,
            TaskSupervisor supervisor,
            TaskLauncher launcher,
            Cluster cluster,
            TaskDefinitionStore definitions,
            ApiServer api) {
        this.db = db;
        this.tasks = tasks;
        this.driver = driver;
        this.supervisor = supervisor;
        this.launcher = launcher;
        this.cluster = cluster;
        this.definitions = definitions;
        this.api = api;
    }

    static FakeGantry start(Path dataDir) {
        InstantSource clock = InstantSource.system();
        Arns arns = new Arns("us-east-1", "000000000000");
        Database db = Database.open(dataDir.resolve("gantry.db"));
        FakeDriver driver = FakeDriver.create();
        driver.start();
        TaskStore tasks = new TaskStore(db);
        TaskSupervisor supervisor = new TaskSupervisor(
                driver,
                tasks,
                new TaskFeed(tasks),
                CapturedLogs.DISCARD,
                clock,
                "us-east-1",
                Duration.ofHours(2),
                PullProgress.NONE);
        supervisor.start();
        TaskDefinitionStore definitions = new TaskDefinitionStore(db);
        TagStore tags = new TagStore(db);
        ClusterStore clusters = new ClusterStore(db);
        Cluster cluster = clusters.createOrGet(
                new Cluster(arns.cluster("default"), "default", "ACTIVE", List.of(), List.of(), clock.instant()));
        TaskLauncher launcher = new TaskLauncher(
                tasks,
                tags,
                supervisor,
                arns,
                IdSource.random(),
                clock,
                new dev.gantry.control.launch.TaskPlacement(
                        dev.gantry.control.network.FixedNetworkDirectory.defaultVpc("gantry", "172.30.0.0/16")));
        var services = new dev.gantry.store.ecs.ServiceStore(db);
        EcsContext ecs = new EcsContext(
                arns,
                clusters,
                definitions,
                tasks,
                tags,
                launcher,
                new DeletedRevisions(definitions, tasks, tags, services),
                clock,
                IdSource.random(),
                services,
                new dev.gantry.control.service.NoTargetGroups(),
                arn -> {}); // no service scheduler in this benchmark
        ApiServer api = ApiServer.builder()
                .bindHost("127.0.0.1")
                .port(0)
                .region("us-east-1")
                .service(new EcsService(ecs))
                .credentials(Credentials.of(new Principal(KEY, SECRET, "arn:aws:iam::000000000000:root")))
                .clock(clock)
                .build()
                .start();
        return new FakeGantry(db, tasks, driver, supervisor, launcher, cluster, definitions, api);
    }

    String endpoint() {
        return "http://127.0.0.1:" + api.port();
    }

    @Override
    public void close() {
        api.close();
        supervisor.close();
        supervisor.feed().close();
        driver.close();
        db.close();
    }
}
