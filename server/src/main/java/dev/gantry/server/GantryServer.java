package dev.gantry.server;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.ecs.EcsContext;
import dev.gantry.api.ecs.EcsService;
import dev.gantry.api.http.ApiServer;
import dev.gantry.api.logs.LogsService;
import dev.gantry.api.sts.StsService;
import dev.gantry.control.housekeeping.DeletedRevisions;
import dev.gantry.control.housekeeping.Housekeeper;
import dev.gantry.control.task.TaskSupervisor;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.id.IdSource;
import dev.gantry.runtime.docker.DockerDriver;
import dev.gantry.runtime.docker.DockerDriverConfig;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.SettingsStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.logs.LogStore;
import dev.gantry.store.sqlite.Database;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires Gantry together, in dependency order: database, engine driver, task supervisor (which re-adopts tasks that
 * were running before a restart), housekeeping, then the API. Closing stops the API and the runners but leaves
 * tasks running: the next start re-adopts them.
 */
public final class GantryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GantryServer.class);

    private final GantryConfig config;
    private final AdminCredentials credentials;
    private final Database db;
    private final DockerDriver driver;
    private final TaskSupervisor supervisor;
    private final Housekeeper housekeeper;
    private final ApiServer api;

    private GantryServer(GantryConfig config, AdminCredentials credentials, Database db, DockerDriver driver,
            TaskSupervisor supervisor, Housekeeper housekeeper, ApiServer api) {
        this.config = config;
        this.credentials = credentials;
        this.db = db;
        this.driver = driver;
        this.supervisor = supervisor;
        this.housekeeper = housekeeper;
        this.api = api;
    }

    public static GantryServer start(GantryConfig config, Map<String, String> env) {
        ApiServer.checkAvailable(config.host(), config.port()); // before anything starts that a failure would strand
        InstantSource clock = InstantSource.system();
        AdminCredentials credentials = AdminCredentials.resolve(config.dataDir(), env);
        Arns arns = new Arns(config.region(), config.accountId());
        Database db = Database.open(config.dataDir().resolve("gantry.db"));
        DockerDriver driver = null;
        TaskSupervisor supervisor = null;
        Housekeeper housekeeper = null;
        try {
            String installation = new SettingsStore(db).getOrCreate("installation-id",
                    () -> IdSource.random().taskId().substring(0, 10));
            driver = new DockerDriver(DockerDriverConfig.defaults(installation)
                    .withNetworkName(config.networkName()).withBusyboxPath(config.busybox())
                    .withWarmSandboxes(config.warmSandboxes()));
            driver.start();
            TaskStore tasks = new TaskStore(db);
            LogStore logs = new LogStore(db, arns, clock);
            supervisor = new TaskSupervisor(driver, tasks, new StoreCapturedLogs(logs), clock, config.region(),
                    config.stoppedTaskRetention(), PullProgress.NONE);
            supervisor.start();
            TaskDefinitionStore definitions = new TaskDefinitionStore(db);
            TagStore tags = new TagStore(db);
            DeletedRevisions deletedRevisions = new DeletedRevisions(definitions, tasks, tags);
            housekeeper = new Housekeeper(List.of(
                    new Housekeeper.Job("purge deleted task definition revisions", deletedRevisions::purge),
                    new Housekeeper.Job("expire log events past retention", logs::purgeExpired)),
                    config.housekeepingInterval()).start();
            ClusterStore clusters = new ClusterStore(db);
            clusters.createOrGet(new Cluster(arns.cluster("default"), "default", "ACTIVE", List.of(), List.of(),
                    clock.instant()));
            EcsContext ecs = new EcsContext(arns, clusters, definitions, tasks, tags,
                    supervisor, deletedRevisions, clock, IdSource.random());
            ApiServer api = ApiServer.builder()
                    .bindHost(config.host()).port(config.port()).region(config.region())
                    .service(new EcsService(ecs))
                    .service(new LogsService(logs, arns))
                    .service(new StsService(arns))
                    .credentials(Credentials.of(new Principal(credentials.accessKeyId(),
                            credentials.secretAccessKey(), "arn:aws:iam::" + config.accountId() + ":root")))
                    .clock(clock)
                    .maxConcurrentRequests(config.api().threads())
                    .maxQueuedRequests(config.api().queue())
                    .requestReadTimeout(config.api().requestReadTimeout())
                    .build().start();
            LOG.atInfo().addKeyValue("endpoint", "http://" + config.host() + ":" + api.port())
                    .addKeyValue("dataDir", config.dataDir()).log("Gantry started");
            return new GantryServer(config, credentials, db, driver, supervisor, housekeeper, api);
        } catch (RuntimeException e) {
            if (housekeeper != null) {
                housekeeper.close();
            }
            if (supervisor != null) {
                supervisor.close();
            }
            if (driver != null) {
                driver.close();
            }
            db.close();
            throw e;
        }
    }

    public GantryConfig config() {
        return config;
    }

    public AdminCredentials credentials() {
        return credentials;
    }

    public String endpoint() {
        return "http://" + config.host() + ":" + api.port();
    }

    public DockerDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        api.close();
        housekeeper.close();
        supervisor.close();
        driver.close();
        db.close();
    }
}
