package dev.gantry.control.serviceconnect;

import dev.gantry.control.feed.Subscription;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.task.ContainerEnvironment;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceConnect;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.router.ApplyReport;
import dev.gantry.router.RequestMetrics;
import dev.gantry.router.Router;
import dev.gantry.router.RouterOptions;
import dev.gantry.runtime.spi.MountSpec;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.TaskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ECS Service Connect's data plane and its loop (ADR 16). Owns a {@link Router} of its own (so ELBv2's tables and
 * Service Connect's never have to be merged) and, once {@link #open}ed on the task network's gateway, keeps it equal
 * to {@link EndpointPlanner}'s plan of the stored services and tasks: re-planned when a task changes (the task feed),
 * when a Service Connect task is about to start, and every {@link #RESYNC_SECONDS} s. After each apply it hands the
 * aliases' redirects to {@link AliasRedirects} (which applies only what changed). As a {@link ContainerEnvironment} wrapper it binds a hosts file with
 * the namespace's aliases over {@code /etc/hosts} of every container of a task whose deployment has Service Connect
 * enabled. {@link #metrics()} reads the per-endpoint request counters, also logged every minute when they changed.
 */
public final class ServiceConnectPlane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceConnectPlane.class);
    static final int RESYNC_SECONDS = 2;
    static final long METRICS_LOG_MILLIS = 60_000;

    private final ServiceStore services;
    private final TaskStore tasks;
    private final Path hostsDir;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Semaphore wake = new Semaphore(0);
    private volatile EndpointPlan plan = EndpointPlan.empty();
    private Router router; // guarded by lock
    private String bindAddress; // guarded by lock
    private AliasRedirects redirects = AliasRedirects.NONE; // guarded by lock
    private List<AliasRedirects.Redirect> applied = List.of(); // guarded by lock
    private Subscription subscription;
    private Thread loop;
    private volatile boolean closed;
    private long lastMetricsLog;
    private List<ServiceMetrics> lastLogged = List.of();

    public ServiceConnectPlane(ServiceStore services, TaskStore tasks, Path hostsDir, InstantSource clock) {
        this.services = services;
        this.tasks = tasks;
        this.hostsDir = hostsDir;
        this.clock = clock;
    }

    /** Starts the router (listeners on {@code bindAddress}) and the loop; re-plans when {@code feed} reports. */
    public void open(String bindAddress, AliasRedirects redirects, TaskFeed feed) {
        lock.lock();
        try {
            this.router = Router.start(RouterOptions.defaults());
            this.bindAddress = bindAddress;
            this.redirects = redirects;
        } finally {
            lock.unlock();
        }
        subscription = feed.subscribe("service-connect", t -> wake.release());
        loop = Thread.ofVirtual().name("gantry-service-connect").start(this::run);
        LOG.atInfo().addKeyValue("bindAddress", bindAddress).log("service connect data plane open");
    }

    private void run() {
        while (!closed) {
            try {
                wake.tryAcquire(RESYNC_SECONDS, TimeUnit.SECONDS);
                wake.drainPermits();
                if (!closed) {
                    refresh();
                    logMetrics();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("service connect refresh failed; trying again");
            }
        }
    }

    /** Re-plans from the store and applies the plan now (no-op before {@link #open}). */
    public void refresh() {
        lock.lock();
        try {
            if (router == null || closed) {
                return;
            }
            EndpointPlan next = EndpointPlanner.plan(members(), bindAddress);
            ApplyReport report = router.apply(next.table());
            plan = next;
            List<AliasRedirects.Redirect> wanted = new ArrayList<>();
            for (AliasRoute a : next.aliases()) {
                report.listener(a.listenerId())
                        .flatMap(ApplyReport.ListenerOutcome::address)
                        .ifPresentOrElse(
                                at -> wanted.add(new AliasRedirects.Redirect(
                                        a.virtualIp(), a.port(), at.getAddress().getHostAddress(), at.getPort())),
                                () -> LOG.atWarn()
                                        .addKeyValue("alias", a.dnsName() + ":" + a.port())
                                        .log("service connect listener could not bind"));
            }
            redirects.apply(wanted); // every time: the task subnets may have changed; it applies only differences
            if (!wanted.equals(applied)) {
                applied = List.copyOf(wanted);
                LOG.atInfo().addKeyValue("aliases", wanted.size()).log("service connect aliases redirected");
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Member> members() {
        List<Member> out = new ArrayList<>();
        for (String arn : services.unfinishedArns()) {
            Optional<Service> svc = services.find(arn);
            if (svc.isEmpty()) {
                continue;
            }
            Optional<ServiceConnect> sc = services.deployments(arn).stream()
                    .filter(Deployment::isPrimary)
                    .findFirst()
                    .flatMap(d -> d.target().serviceConnect())
                    .filter(ServiceConnect::enabled);
            if (sc.isEmpty()) {
                continue;
            }
            var spec = svc.get().spec();
            out.add(new Member(
                    arn,
                    sc.get().namespaceArn().orElseThrow(),
                    sc.get().services(),
                    sc.get().services().isEmpty()
                            ? List.of()
                            : tasks.ofGroup(spec.clusterName(), spec.taskGroup(), clock.instant())));
        }
        return out;
    }

    /** The plan last applied (tests, diagnostics). */
    public EndpointPlan plan() {
        return plan;
    }

    /** Every endpoint's request counters. */
    public List<ServiceMetrics> metrics() {
        Router r;
        lock.lock();
        try {
            r = router;
        } finally {
            lock.unlock();
        }
        if (r == null) {
            return List.of();
        }
        Map<String, String> owners = plan.serviceOfGroup();
        List<ServiceMetrics> out = new ArrayList<>();
        for (RequestMetrics m : r.requestMetrics()) {
            String owner = owners.get(m.targetGroupId());
            if (owner != null) {
                String[] parts = m.targetGroupId().split(" ");
                out.add(new ServiceMetrics(owner, parts[parts.length - 1], m));
            }
        }
        return out;
    }

    private void logMetrics() {
        long now = clock.millis();
        if (now - lastMetricsLog < METRICS_LOG_MILLIS) {
            return;
        }
        lastMetricsLog = now;
        List<ServiceMetrics> current = metrics();
        for (ServiceMetrics s : current) {
            if (lastLogged.contains(s)) {
                continue;
            }
            RequestMetrics m = s.metrics();
            LOG.atInfo()
                    .addKeyValue("serviceArn", s.serviceArn())
                    .addKeyValue("discoveryName", s.endpoint())
                    .addKeyValue("RequestCount", m.requests())
                    .addKeyValue("HTTPCode_Target_2XX_Count", m.target2xx())
                    .addKeyValue("HTTPCode_Target_4XX_Count", m.target4xx())
                    .addKeyValue("HTTPCode_Target_5XX_Count", m.target5xx())
                    .addKeyValue("TargetResponseTimeMillisTotal", m.responseTimeMillisTotal())
                    .addKeyValue("retries", m.retries())
                    .addKeyValue("ejections", m.ejections())
                    .log("service connect metrics");
        }
        lastLogged = current;
    }

    /** {@code inner}, plus the hosts-file mount for the containers of Service Connect tasks. */
    public ContainerEnvironment wrap(ContainerEnvironment inner) {
        return new ContainerEnvironment() {
            @Override
            public Map<String, String> defaults(TaskSpec task, ContainerDefinition container) {
                return inner.defaults(task, container);
            }

            @Override
            public Map<String, String> platform(TaskSpec task, ContainerDefinition container) {
                return inner.platform(task, container);
            }

            @Override
            public List<MountSpec> mounts(TaskSpec task, ContainerDefinition container) {
                List<MountSpec> all = new ArrayList<>(inner.mounts(task, container));
                hostsFile(task).ifPresent(f -> all.add(new MountSpec.HostFile(f.toString(), "/etc/hosts", true)));
                return all;
            }
        };
    }

    /** Writes the task's hosts file if its deployment has Service Connect enabled. */
    Optional<Path> hostsFile(TaskSpec task) {
        Optional<String> namespace = task.startedBy()
                .flatMap(services::deployment)
                .flatMap(d -> d.target().serviceConnect())
                .filter(ServiceConnect::enabled)
                .flatMap(ServiceConnect::namespaceArn);
        if (namespace.isEmpty()) {
            return Optional.empty();
        }
        refresh(); // a service created a moment ago has its aliases in the plan before this task starts
        Path file = hostsDir.toAbsolutePath().resolve(task.taskId() + ".hosts");
        try {
            Files.createDirectories(hostsDir);
            Files.writeString(file, HostsFile.render(plan.aliasesIn(namespace.get())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task's Service Connect hosts file " + file, e);
        }
        return Optional.of(file);
    }

    /** Where a listener of the plan listens (tests). */
    public Optional<InetSocketAddress> listenerAddress(String listenerId) {
        lock.lock();
        try {
            return router == null ? Optional.empty() : router.listenerAddress(listenerId);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (loop != null) {
            loop.interrupt();
        }
        lock.lock();
        try {
            if (router != null) {
                router.close();
            }
            redirects.apply(List.of());
        } finally {
            lock.unlock();
        }
    }
}
