package dev.gantry.server;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.PolicyAuthorizer;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.ec2.Ec2Service;
import dev.gantry.api.ecs.EcsContext;
import dev.gantry.api.ecs.EcsService;
import dev.gantry.api.elbv2.Elbv2Service;
import dev.gantry.api.http.ApiServer;
import dev.gantry.api.iam.IamService;
import dev.gantry.api.logs.LogsService;
import dev.gantry.api.secretsmanager.SecretsManagerService;
import dev.gantry.api.servicediscovery.CloudMapService;
import dev.gantry.api.ssm.SsmService;
import dev.gantry.api.sts.StsService;
import dev.gantry.control.discovery.CloudMapPlane;
import dev.gantry.control.discovery.DiscoveryLoop;
import dev.gantry.control.discovery.DiscoveryRegistry;
import dev.gantry.control.discovery.RegistrarRegistry;
import dev.gantry.control.dns.DiscoveryZones;
import dev.gantry.control.dns.DnsDataPlane;
import dev.gantry.control.endpoint.EndpointIds;
import dev.gantry.control.endpoint.LiveTasks;
import dev.gantry.control.endpoint.TaskEndpoints;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.housekeeping.DeletedRevisions;
import dev.gantry.control.housekeeping.Housekeeper;
import dev.gantry.control.iam.CorePolicyEngine;
import dev.gantry.control.iam.IamIds;
import dev.gantry.control.iam.IamPlane;
import dev.gantry.control.inject.DataDirObjects;
import dev.gantry.control.inject.Injector;
import dev.gantry.control.inject.SecretSource;
import dev.gantry.control.inject.StoredSecrets;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.launch.TaskPlacement;
import dev.gantry.control.lb.LoadBalancing;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.control.lb.dataplane.RouterDataPlane;
import dev.gantry.control.network.FixedNetworkDirectory;
import dev.gantry.control.network.NetworkDirectory;
import dev.gantry.control.network.StoredNetworkDirectory;
import dev.gantry.control.rotation.SecretRotator;
import dev.gantry.control.rotation.TaskSteps;
import dev.gantry.control.service.ServiceApplier;
import dev.gantry.control.service.ServicePlanner;
import dev.gantry.control.service.ServiceScheduler;
import dev.gantry.control.serviceconnect.CloudMapNamespaces;
import dev.gantry.control.serviceconnect.ServiceConnectPlane;
import dev.gantry.control.task.ContainerEnvironment;
import dev.gantry.control.task.TaskSupervisor;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.lb.LbArns;
import dev.gantry.core.servicediscovery.CloudMapIds;
import dev.gantry.runtime.docker.DockerDriver;
import dev.gantry.runtime.docker.DockerDriverConfig;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.ec2.Ec2Store;
import dev.gantry.store.ec2.Ec2TagStore;
import dev.gantry.store.ec2.SecurityGroupStore;
import dev.gantry.store.ecs.ClusterStore;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.SettingsStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.SessionStore;
import dev.gantry.store.lb.LbStore;
import dev.gantry.store.lb.LbTagStore;
import dev.gantry.store.lb.TargetGroupStore;
import dev.gantry.store.logs.LogStore;
import dev.gantry.store.secret.SecretStore;
import dev.gantry.store.servicediscovery.CloudMapStore;
import dev.gantry.store.sqlite.Database;
import dev.gantry.store.ssm.ParameterStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires Gantry together and owns its start-up order. The API listens first: database, credentials, stores,
 * housekeeping, the task supervisor (not yet started) and the API, so DescribeTasks and ListTasks answer from the
 * store within the JVM's first second. The engine work follows behind it on a starter thread: the Docker driver
 * (network, sandbox image, warm sandboxes), then the supervisor, which subscribes to engine events and re-adopts
 * tasks that were running before a restart. A RunTask accepted meanwhile is stored and its runner waits for the
 * engine ({@link StartingDriver}). Closing stops the API and the runners but leaves tasks running: the next start
 * re-adopts them.
 */
public final class GantryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GantryServer.class);
    /** How often the service scheduler looks at every service even if nothing woke it. */
    static final Duration SERVICE_RESYNC = Duration.ofSeconds(30);
    /** The default VPC's range where the driver has no engine network (AWS's own default VPC range). */
    static final String DEFAULT_VPC_CIDR = "172.31.0.0/16";

    static final String DEFAULT_VPC_GATEWAY = "172.31.0.1";
    /** How often a rotation step's task is looked at, and how long a step may run (a Lambda's limit). */
    static final Duration ROTATION_POLL = Duration.ofMillis(500);

    static final Duration ROTATION_STEP_TIMEOUT = Duration.ofMinutes(15);

    /** Makes the engine driver for an installation id; called on the starter thread, off the listen path. */
    @FunctionalInterface
    interface DriverFactory {
        TaskDriver create(String installationId);
    }

    private final GantryConfig config;
    private final AdminCredentials credentials;
    private final Database db;
    private final StartingDriver driver;
    private final TaskSupervisor supervisor;
    private final Housekeeper housekeeper;
    private final ServiceScheduler services;
    private final DiscoveryLoop discovery;
    private final Housekeeper lbDrains;
    private final LoadBalancing loadBalancing;
    private final RouterDataPlane router;
    private final ApiServer api;
    private final TaskEndpoints taskEndpoints;
    private final TaskEndpointHost endpointHost;
    private final DnsHost dnsHost;
    private final boolean dns;
    private final IamPlane iam;
    private final SecretRotator rotator;
    private final NetworkDirectory directory;
    private final EngineSubnets subnets;
    private final CloudMapPlane cloudMap;
    private final ServiceConnectPlane serviceConnect;
    private final ReentrantLock startLock = new ReentrantLock();
    private volatile boolean closing; // set under startLock, so the starter sees it before it hands over
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread starter;
    /** The EC2 store, whose default VPC is seeded once the engine's task network is known. */
    private volatile Ec2Store networks;
    /** Security-group enforcement (set once, right after construction). */
    private volatile SecurityGroupFilters filters;

    private GantryServer(
            GantryConfig config,
            AdminCredentials credentials,
            Database db,
            StartingDriver driver,
            TaskSupervisor supervisor,
            Housekeeper housekeeper,
            ServiceScheduler services,
            DiscoveryLoop discovery,
            Housekeeper lbDrains,
            LoadBalancing loadBalancing,
            RouterDataPlane router,
            ApiServer api,
            TaskEndpoints taskEndpoints,
            TaskEndpointHost endpointHost,
            DnsHost dnsHost,
            boolean dns,
            IamPlane iam,
            SecretRotator rotator,
            NetworkDirectory directory,
            EngineSubnets subnets,
            CloudMapPlane cloudMap,
            ServiceConnectPlane serviceConnect) {
        this.directory = directory;
        this.subnets = subnets;
        this.serviceConnect = serviceConnect;
        this.config = config;
        this.credentials = credentials;
        this.db = db;
        this.driver = driver;
        this.supervisor = supervisor;
        this.housekeeper = housekeeper;
        this.services = services;
        this.discovery = discovery;
        this.lbDrains = lbDrains;
        this.loadBalancing = loadBalancing;
        this.router = router;
        this.api = api;
        this.taskEndpoints = taskEndpoints;
        this.endpointHost = endpointHost;
        this.dnsHost = dnsHost;
        this.dns = dns;
        this.iam = iam;
        this.rotator = rotator;
        this.cloudMap = cloudMap;
    }

    /** Starts Gantry on the Docker engine; returns once the API listens (see {@link #awaitReady()}). */
    public static GantryServer start(GantryConfig config, Map<String, String> env) {
        return start(config, env, feed -> {});
    }

    /**
     * As {@link #start(GantryConfig, Map)}; {@code beforeStart} is handed the task-change feed before the supervisor
     * exists, so a subscriber added there sees every transition, the RESYNC of each re-adopted task included
     * (tests use this).
     */
    public static GantryServer start(GantryConfig config, Map<String, String> env, Consumer<TaskFeed> beforeStart) {
        return start(config, env, dockerDriver(config), beforeStart);
    }

    private static DriverFactory dockerDriver(GantryConfig config) {
        return installation -> new DockerDriver(DockerDriverConfig.defaults(installation)
                .withNetworkName(config.networkName())
                .withBusyboxPath(config.busybox())
                .withWarmSandboxes(config.warmSandboxes()));
    }

    static GantryServer start(GantryConfig config, Map<String, String> env, DriverFactory drivers) {
        return start(config, env, drivers, feed -> {});
    }

    static GantryServer start(
            GantryConfig config, Map<String, String> env, DriverFactory drivers, Consumer<TaskFeed> beforeStart) {
        ApiServer.checkAvailable(config.host(), config.port()); // before anything starts that a failure would strand
        InstantSource clock = InstantSource.system();
        AdminCredentials credentials = AdminCredentials.resolve(config.dataDir(), env);
        Arns arns = new Arns(config.region(), config.accountId());
        Database db = Database.open(config.dataDir().resolve("gantry.db"));
        // values kept secret at rest (secret values, SecureString parameters, IAM secret keys) are sealed under the
        // master key, which lives beside the database, never in it
        Envelope envelope = new Envelope(MasterKey.resolve(config.dataDir(), env));
        StartingDriver driver = new StartingDriver();
        Housekeeper housekeeper = null;
        ServiceScheduler scheduler = null;
        DiscoveryLoop discovery = null;
        Housekeeper lbDrains = null;
        RouterDataPlane router = null;
        DnsDataPlane dnsPlane = null;
        try {
            String installation = new SettingsStore(db)
                    .getOrCreate(
                            "installation-id", () -> IdSource.random().taskId().substring(0, 10));
            TaskStore tasks = new TaskStore(db);
            LogStore logs = new LogStore(db, arns, clock);
            TaskFeed feed = new TaskFeed(tasks);
            beforeStart.accept(feed);
            TagStore tags = new TagStore(db);
            IamPlane iam = IamPlane.create(
                    new IamStore(db, envelope),
                    new SessionStore(db, envelope),
                    new CorePolicyEngine(),
                    IamIds.secure(),
                    clock,
                    config.accountId(),
                    config.region());
            SecretStore secretStore = new SecretStore(db, envelope);
            ParameterStore parameters = new ParameterStore(db, envelope, config.region(), config.accountId(), clock);
            // a task's secrets and registry credentials are read as its execution role, through IAM's decision
            SecretSource secrets = new StoredSecrets(
                    secretStore, parameters, iam.authorization(), iam.sessions(), config.region(), config.accountId());
            LiveTasks live = LiveTasks.follow(feed, tasks);
            TaskEndpoints taskEndpoints = new TaskEndpoints(
                    new EndpointIds(EndpointKey.loadOrCreate(config.dataDir())),
                    live,
                    driver,
                    new TaskRoleCredentials(iam.sessions()),
                    clock);
            // Gantry's DNS server (169.254.169.253 in every task): Cloud Map names, the rest forwarded to the host's
            // resolvers (GANTRY_DNS_UPSTREAMS overrides them; GANTRY_DNS=false leaves tasks on the engine's resolver)
            boolean dns = !"false".equalsIgnoreCase(env.getOrDefault("GANTRY_DNS", "true"));
            dnsPlane = DnsDataPlane.start(DnsHost.upstreams(env), DiscoveryZones.NONE);
            DnsHost dnsHost = new DnsHost(dnsPlane, config.dataDir(), installation);
            // Service Connect (ADR 16): its own router, opened on the task network's gateway once the engine started
            ServiceConnectPlane serviceConnect = new ServiceConnectPlane(
                    new ServiceStore(db), tasks, config.dataDir().resolve("service-connect"), clock);
            TaskSupervisor supervisor = new TaskSupervisor(
                    driver,
                    tasks,
                    feed,
                    new StoreCapturedLogs(logs),
                    clock,
                    config.region(),
                    config.stoppedTaskRetention(),
                    PullProgress.NONE,
                    serviceConnect.wrap(ContainerEnvironment.both(
                            config.taskEndpoint() ? taskEndpoints : ContainerEnvironment.NONE, dnsHost.environment())),
                    // secrets and registry credentials are read as each task's execution role; environment files
                    // from <data-dir>/s3/<bucket>/<key> until Gantry has S3
                    new Injector(secrets, new DataDirObjects(config.dataDir().resolve("s3"))),
                    new ClusterRuntimes(tags, config.defaultRuntime()));
            TaskDefinitionStore definitions = new TaskDefinitionStore(db);
            ServiceStore serviceStore = new ServiceStore(db);
            AtomicReference<SecretRotator> rotation = new AtomicReference<>();
            DeletedRevisions deletedRevisions = new DeletedRevisions(definitions, tasks, tags, serviceStore);
            housekeeper = new Housekeeper(
                            List.of(
                                    new Housekeeper.Job(
                                            "purge deleted task definition revisions", deletedRevisions::purge),
                                    new Housekeeper.Job("expire log events past retention", logs::purgeExpired),
                                    new Housekeeper.Job(
                                            "remove STS sessions that ended a day ago", iam.sessions()::purgeExpired),
                                    new Housekeeper.Job(
                                            "remove secrets whose recovery window ended",
                                            () -> secretStore
                                                    .purgeDeleted(clock.instant())
                                                    .size()),
                                    // RotationRules that say a secret is due start its rotation; the rotator exists
                                    // once the launcher does (below)
                                    new Housekeeper.Job(
                                            "start scheduled secret rotations",
                                            () -> Optional.ofNullable(rotation.get())
                                                    .map(r -> r.rotateDue(clock.instant(), IdSource.random()::uuid))
                                                    .orElse(0))),
                            config.housekeepingInterval())
                    .start();
            ClusterStore clusters = new ClusterStore(db);
            clusters.createOrGet(
                    new Cluster(arns.cluster("default"), "default", "ACTIVE", List.of(), List.of(), clock.instant()));
            // tasks are placed in the subnets the EC2 API keeps (the default VPC is seeded once the engine started)
            Ec2Store ec2 = new Ec2Store(db, config.region());
            // until the engine started and the default VPC is seeded, the default subnet is still the engine network
            NetworkDirectory directory = FixedNetworkDirectory.orElse(
                    new StoredNetworkDirectory(ec2, new SecurityGroupStore(db)),
                    FixedNetworkDirectory.defaultVpc(config.networkName(), DEFAULT_VPC_CIDR));
            TaskLauncher launcher = new TaskLauncher(
                    tasks, tags, supervisor, arns, IdSource.random(), clock, new TaskPlacement(directory));
            // the data plane: the router gets every committed ELBv2 change, and the stored one now, so the listeners
            // of a restarted server listen again before the API answers
            router = RouterDataPlane.start();
            LoadBalancing loadBalancing = new LoadBalancing(
                    new LbStore(db),
                    new TargetGroupStore(db),
                    new LbTagStore(db),
                    new LbArns(arns),
                    IdSource.random(),
                    clock,
                    router,
                    router,
                    router);
            loadBalancing.start();
            lbDrains = new Housekeeper(
                            List.of(
                                    new Housekeeper.Job(
                                            "remove targets whose deregistration delay ended",
                                            loadBalancing.targets()::removeDrained),
                                    new Housekeeper.Job("bind listeners whose port was in use", router::retryUnbound)),
                            Duration.ofSeconds(1))
                    .start();
            TargetGroupRegistry targetGroups = loadBalancing.registry();
            scheduler = new ServiceScheduler(
                            serviceStore,
                            tasks,
                            targetGroups,
                            new ServicePlanner(ServicePlanner.DEFAULT_HEALTHY_AFTER_RUNNING, config.deploymentMinute()),
                            new ServiceApplier(
                                    serviceStore,
                                    clusters,
                                    definitions,
                                    tags,
                                    launcher,
                                    targetGroups,
                                    IdSource.random()),
                            arns,
                            clock,
                            SERVICE_RESYNC)
                    .start(feed);
            CloudMapPlane cloudMap = CloudMapPlane.create(
                    new CloudMapStore(db),
                    new CloudMapIds(IdSource.random(), config.region(), config.accountId()),
                    directory,
                    clock);
            // the DNS table follows Cloud Map: rebuilt after each committed change of a namespace, service or instance
            dnsPlane.follow(cloudMap.view());
            // ECS service discovery: registers services' tasks in Cloud Map as they become healthy, out as they stop
            DiscoveryRegistry registry = new RegistrarRegistry(cloudMap.registrar());
            discovery = new DiscoveryLoop(serviceStore, tasks, registry, arns, clock, SERVICE_RESYNC).start(feed);
            Consumer<String> serviceChanged = ((Consumer<String>) scheduler::nudge).andThen(discovery::nudge);
            EcsContext ecs = new EcsContext(
                    arns,
                    clusters,
                    definitions,
                    tasks,
                    tags,
                    launcher,
                    deletedRevisions,
                    clock,
                    IdSource.random(),
                    serviceStore,
                    targetGroups,
                    serviceChanged,
                    registry,
                    // Service Connect's namespaces are Cloud Map's
                    new CloudMapNamespaces(new CloudMapStore(db)));
            // RotateSecret runs the rotation function's steps as tasks of a task definition in the default cluster
            SecretRotator rotator = new SecretRotator(
                    secretStore,
                    new TaskSteps(
                            launcher,
                            tasks,
                            definitions,
                            clusters,
                            "default",
                            clock,
                            ROTATION_POLL,
                            ROTATION_STEP_TIMEOUT),
                    clock);
            rotation.set(rotator);
            // CreateSubnet/DeleteSubnet realise subnets on the engine (and the task endpoint on them, once it serves);
            // the running tasks' interfaces come from the live task index
            AtomicReference<TaskEndpointHost> endpoint = new AtomicReference<>();
            EngineSubnets subnets = new EngineSubnets(
                    driver,
                    config.networkName(),
                    () -> config.taskEndpoint() ? Optional.ofNullable(endpoint.get()) : Optional.empty(),
                    () -> dns ? Optional.of(dnsHost) : Optional.empty());
            // security groups as packet filters in each task's namespace; EC2 rule changes nudge them (ADR 17)
            SecurityGroupFilters securityGroups = new SecurityGroupFilters(db, config.region(), tasks, driver);
            Ec2Service.Seams ec2Seams = new Ec2Service.Seams(
                    subnets,
                    new LiveTaskInterfaces(
                            live,
                            LiveTaskInterfaces.placements(tasks::unfinished),
                            directory,
                            config.region(),
                            config.accountId()),
                    securityGroups.changes(),
                    IdSource.random());
            ApiServer api = ApiServer.builder()
                    .bindHost(config.host())
                    .port(config.port())
                    .region(config.region())
                    .service(new EcsService(ecs))
                    .service(new LogsService(logs, arns))
                    .service(new StsService(arns, java.util.Optional.of(iam.sessions()), iam.operations()::uniqueId))
                    .service(new Elbv2Service(loadBalancing, config.region()))
                    .service(new SsmService(parameters, config.region(), config.accountId()))
                    .service(new SecretsManagerService(secretStore, arns, IdSource.random(), clock, rotator))
                    .service(new IamService(iam.operations(), config.accountId()))
                    .service(new Ec2Service(
                            ec2,
                            new SecurityGroupStore(db),
                            new Ec2TagStore(db),
                            ec2Seams,
                            config.region(),
                            config.accountId()))
                    .service(new CloudMapService(cloudMap.cloudMap()))
                    .credentials(credentials(credentials, config.accountId(), iam))
                    .authorizer(new PolicyAuthorizer(iam.authorization()))
                    .clock(clock)
                    .maxConcurrentRequests(config.api().threads())
                    .maxQueuedRequests(config.api().queue())
                    .requestReadTimeout(config.api().requestReadTimeout())
                    .build()
                    .start();
            TaskEndpointHost endpointHost =
                    new TaskEndpointHost(taskEndpoints, live, api, config.host(), arns, clock, installation);
            endpoint.set(endpointHost);
            GantryServer server = new GantryServer(
                    config,
                    credentials,
                    db,
                    driver,
                    supervisor,
                    housekeeper,
                    scheduler,
                    discovery,
                    lbDrains,
                    loadBalancing,
                    router,
                    api,
                    taskEndpoints,
                    endpointHost,
                    dnsHost,
                    dns,
                    iam,
                    rotator,
                    directory,
                    subnets,
                    cloudMap,
                    serviceConnect);
            server.networks = ec2;
            server.filters = securityGroups;
            server.starter = Thread.ofVirtual()
                    .name("gantry-engine-start")
                    .start(() -> server.startEngine(drivers, installation));
            return server;
        } catch (RuntimeException e) {
            if (housekeeper != null) {
                housekeeper.close();
            }
            if (scheduler != null) {
                scheduler.close();
            }
            if (discovery != null) {
                discovery.close();
            }
            if (lbDrains != null) {
                lbDrains.close();
            }
            if (router != null) {
                router.close();
            }
            if (dnsPlane != null) {
                dnsPlane.close();
            }
            driver.close();
            db.close();
            throw e;
        }
    }

    /**
     * Who may sign: the admin keys first (the account root, all-powerful), then IAM users' Active keys and STS
     * session keys (their token and expiry checked by the verifier).
     */
    private static Credentials credentials(AdminCredentials admin, String accountId, IamPlane iam) {
        Credentials root = Credentials.of(
                new Principal(admin.accessKeyId(), admin.secretAccessKey(), "arn:aws:iam::" + accountId + ":root"));
        return accessKeyId -> root.find(accessKeyId)
                .or(() -> iam.keys()
                        .find(accessKeyId)
                        .map(k -> new Principal(
                                k.accessKeyId(),
                                k.secretAccessKey(),
                                k.principalArn(),
                                k.sessionToken(),
                                k.expiration())));
    }

    /** The starter thread: prepare the engine, then let the supervisor subscribe and re-adopt, then open the gate. */
    private void startEngine(DriverFactory drivers, String installation) {
        long began = System.nanoTime();
        TaskDriver real = null;
        boolean handedOver = false;
        try {
            real = drivers.create(installation);
            real.start();
            seedDefaultVpc(real);
            if ((config.taskEndpoint() || dns) && real instanceof DockerDriver) {
                DeadRedirects.sweep(installation); // a dead installation's redirects would take our tasks' traffic
            }
            if (config.taskEndpoint()) {
                endpointHost.open(real); // before the supervisor: re-adopted tasks' containers get AWS_ENDPOINT_URL
            }
            if (dns) {
                dnsHost.open(real); // before the supervisor too: new containers bind the resolver file
            }
            subnets.rebuild(directory, real); // every subnet's network and task endpoint, before tasks are adopted
            openServiceConnect(real, installation);
            startLock.lock();
            try {
                if (closing || !driver.started(real)) {
                    real.close();
                    return;
                }
                handedOver = true; // from here the gate closes it
                filters.enable(supervisor, supervisor.feed()); // before re-adoption: their filters are rebuilt
                supervisor.start();
                driver.ready();
            } finally {
                startLock.unlock();
            }
            LOG.atInfo()
                    .addKeyValue("endpoint", endpoint())
                    .addKeyValue("dataDir", config.dataDir())
                    .addKeyValue("engineStartMs", (System.nanoTime() - began) / 1_000_000)
                    .log("Gantry started");
        } catch (RuntimeException e) {
            if (real != null && !handedOver) {
                real.close();
            }
            driver.failed(e);
            if (!closing) {
                LOG.atError().addKeyValue("error", e.getMessage()).log("the container engine could not be prepared");
            }
        }
    }

    /** Service Connect's listeners and redirects on the task network's gateway; never throws. */
    private void openServiceConnect(TaskDriver real, String installation) {
        if (!(real instanceof DockerDriver docker)) {
            return;
        }
        try {
            docker.bridge()
                    .ifPresentOrElse(
                            b -> serviceConnect.open(
                                    b.gateway(),
                                    new ServiceConnectRedirects(
                                            () -> {
                                                // the default network's range and every subnet's
                                                Set<String> ranges = new LinkedHashSet<>(List.of(b.subnet()));
                                                directory.subnets().forEach(x -> ranges.add(x.cidrBlock()));
                                                return List.copyOf(ranges);
                                            },
                                            installation),
                                    supervisor.feed()),
                            () -> LOG.atWarn().log("Service Connect is unavailable: the task network has no gateway"));
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("error", e.getMessage()).log("Service Connect could not start");
        }
    }

    /** ECS Service Connect's data plane (its aliases, listeners and request metrics). */
    public ServiceConnectPlane serviceConnect() {
        return serviceConnect;
    }

    /**
     * The default VPC and subnet are the engine's task network: its range and gateway (AWS's default VPC range
     * 172.31.0.0/16 where the driver has no host network, as the in-memory one).
     */
    private void seedDefaultVpc(TaskDriver real) {
        Optional<DockerDriver.BridgeAddresses> bridge =
                real instanceof DockerDriver docker ? docker.bridge() : Optional.empty();
        try {
            networks.ensureDefaults(
                    bridge.map(DockerDriver.BridgeAddresses::networkName).orElse(config.networkName()),
                    bridge.map(DockerDriver.BridgeAddresses::subnet).orElse(DEFAULT_VPC_CIDR),
                    bridge.map(DockerDriver.BridgeAddresses::gateway).orElse(DEFAULT_VPC_GATEWAY));
        } catch (IllegalArgumentException e) { // a range Gantry cannot read: tasks still run, EC2 shows no default
            LOG.atError()
                    .addKeyValue("error", e.getMessage())
                    .log("the default VPC could not be seeded from the engine's task network");
        }
    }

    /**
     * Waits until the engine is prepared and unfinished tasks are being re-adopted; throws what prevented that
     * (e.g. a {@link dev.gantry.runtime.spi.RuntimeError} when no engine answers).
     */
    public void awaitReady() {
        driver.awaitReady();
    }

    public GantryConfig config() {
        return config;
    }

    /** Load balancing below the wire: the ELBv2 operations, the TargetGroupRegistry, the routing snapshots. */
    public LoadBalancing loadBalancing() {
        return loadBalancing;
    }

    /**
     * The task endpoint's logic: which ids belong to which task, where credentials come from
     * ({@link TaskEndpoints#roleCredentials}).
     */
    public TaskEndpoints taskEndpoints() {
        return taskEndpoints;
    }

    /** Why tasks cannot reach 169.254.170.2 (empty when they can); known once the engine is ready. */
    public Optional<String> taskEndpointProblem() {
        return config.taskEndpoint() ? endpointHost.problem() : Optional.of("disabled (GANTRY_TASK_ENDPOINT=false)");
    }

    /** Why tasks do not resolve through Gantry's DNS server (empty when they do); known once the engine is ready. */
    public Optional<String> dnsProblem() {
        return dns ? dnsHost.problem() : Optional.of("disabled (GANTRY_DNS=false)");
    }

    /**
     * Serves Gantry's DNS to a task subnet realised after the start (its CIDR and its engine network's gateway): a
     * listener on the gateway and the 169.254.169.253 redirect from the subnet. Throws when DNS is not set up.
     */
    public void addDnsSubnet(String subnet, String gateway) {
        dnsHost.addSubnet(subnet, gateway);
    }

    /** Stops serving DNS to a removed subnet. */
    public void removeDnsSubnet(String subnet, String gateway) {
        dnsHost.removeSubnet(subnet, gateway);
    }

    /** Feeds the DNS server's zones from {@code zones} (Cloud Map's DNS namespaces) from now on. */
    public void dnsFeedFrom(DiscoveryZones zones) {
        dnsHost.plane().feedFrom(zones);
    }

    /** Nudges the DNS server to rebuild its table from Cloud Map (after a committed change). */
    public void dnsChanged() {
        dnsHost.plane().changed();
    }

    /** The endpoint listener's own host:port on the task network (tasks use 169.254.170.2:80), once serving. */
    public Optional<String> taskEndpointAddress() {
        return endpointHost.address().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    /** Cloud Map: the DNS server's read seam ({@code view()}) and the ECS registration loop's ({@code registrar()}). */
    public CloudMapPlane cloudMap() {
        return cloudMap;
    }

    /**
     * IAM below the wire: role sessions ({@code iam().sessions().issue(roleArn, taskId, duration)} for the
     * credentials endpoint), the authorization decision ({@code iam().authorization().decide(...)}), the operations.
     */
    public IamPlane iam() {
        return iam;
    }

    public AdminCredentials credentials() {
        return credentials;
    }

    public String endpoint() {
        return "http://" + config.host() + ":" + api.port();
    }

    /** The Docker driver, once the engine is prepared (waits for it, see {@link #awaitReady()}). */
    public DockerDriver driver() {
        if (driver.awaitReady() instanceof DockerDriver docker) {
            return docker;
        }
        throw new IllegalStateException("this server does not run on the Docker driver");
    }

    /** Idempotent (a shutdown hook and a try-with-resources may both close it). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        api.close();
        rotator.close();
        cloudMap.close();
        housekeeper.close();
        services.close();
        discovery.close();
        lbDrains.close();
        router.close(); // after the API (no snapshot comes later) and the drain job; tasks keep running
        endpointHost.close(); // the redirect goes with it; tasks keep their URIs for the next start
        dnsHost.close(); // its redirects go with it; running tasks keep the resolver file for the next start
        serviceConnect.close(); // its listeners and redirects; aliases come back with the next start
        startLock.lock();
        try {
            closing = true; // the starter, if still preparing the engine, closes its driver and stops there
        } finally {
            startLock.unlock();
        }
        starter.interrupt();
        filters.close();
        supervisor.close();
        supervisor.feed().close();
        driver.close();
        db.close();
    }
}
