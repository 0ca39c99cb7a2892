package dev.gantry.control.lb.dataplane;

import dev.gantry.control.lb.DataPlaneStatus;
import dev.gantry.control.lb.RoutingSink;
import dev.gantry.control.lb.RoutingSnapshot;
import dev.gantry.control.lb.Target;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetHealthSource;
import dev.gantry.router.ApplyReport;
import dev.gantry.router.Router;
import dev.gantry.router.RouterOptions;
import dev.gantry.router.table.RoutingTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router as the control plane sees it: owns the running {@link Router}; as the {@link RoutingSink} it applies
 * each snapshot at once (listeners bind before the ELBv2 call that changed them returns) and keeps the listeners
 * that could not bind; as the {@link TargetHealthSource} it reads the router's health verdicts; as the
 * {@link DataPlaneStatus} it says whether a port is free and why a load balancer is impaired. A listener that could
 * not bind is tried again on the next snapshot and by {@link #retryUnbound()}, 1 s after a snapshot and then less and
 * less often (the interval doubles up to {@link #MAX_RETRY_INTERVAL}), so a port held for hours costs a log line a
 * minute, not one a second.
 */
public final class RouterDataPlane implements RoutingSink, TargetHealthSource, DataPlaneStatus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouterDataPlane.class);

    static final String PORT_IN_USE = "Port %d on %s is in use by another program on this host (%s), so the listener"
            + " cannot listen there. Choose another port, or stop the program that holds it.";
    static final String IMPAIRED = "Listener %s on port %d is not listening: %s";
    static final Duration FIRST_RETRY_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_INTERVAL = Duration.ofSeconds(60);

    /** A listener of the last table that could not bind: its port and the router's error. */
    private record Unbound(String loadBalancerArn, int port, String error) {}

    private final Router router;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private Duration retryInterval = FIRST_RETRY_INTERVAL; // guarded by lock
    private Instant nextRetry = Instant.MIN; // guarded by lock
    private volatile Translation last = new Translation(RoutingTable.empty(), Map.of(), List.of());
    private volatile Map<String, Unbound> unbound = Map.of();

    private RouterDataPlane(Router router, InstantSource clock) {
        this.router = router;
        this.clock = clock;
    }

    /** Starts a router with no listeners; the first snapshot (LoadBalancing.start()) gives it the stored ones. */
    public static RouterDataPlane start() {
        return start(InstantSource.system());
    }

    /** As {@link #start()}, with the clock that paces the retries of listeners that could not bind. */
    public static RouterDataPlane start(InstantSource clock) {
        return new RouterDataPlane(Router.start(RouterOptions.defaults()), clock);
    }

    @Override
    public void apply(RoutingSnapshot snapshot) {
        Translation t = RoutingTables.translate(snapshot);
        t.skipped().stream()
                .filter(why -> !last.skipped().contains(why)) // once, not with every snapshot
                .forEach(why -> LOG.atWarn()
                        .addKeyValue("version", snapshot.version())
                        .addKeyValue("reason", why)
                        .log("routing configuration left out of the router"));
        lock.lock();
        try {
            last = t;
            retryInterval = FIRST_RETRY_INTERVAL;
            nextRetry = clock.instant().plus(retryInterval);
            record(router.apply(t.table()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies the last table again if some listener could not bind and a retry is due (the port may be free now);
     * returns how many listeners bound.
     */
    public int retryUnbound() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (unbound.isEmpty() || now.isBefore(nextRetry)) {
                return 0;
            }
            int before = unbound.size();
            record(router.apply(last.table()));
            if (!unbound.isEmpty()) {
                Duration doubled = retryInterval.multipliedBy(2);
                retryInterval = doubled.compareTo(MAX_RETRY_INTERVAL) > 0 ? MAX_RETRY_INTERVAL : doubled;
            }
            nextRetry = now.plus(retryInterval);
            return before - unbound.size();
        } finally {
            lock.unlock();
        }
    }

    private void record(ApplyReport report) {
        Map<String, Unbound> now = new LinkedHashMap<>();
        for (ApplyReport.ListenerOutcome o : report.failures()) {
            int port = last.table().listeners().stream()
                    .filter(l -> l.id().equals(o.listenerId()))
                    .findFirst()
                    .map(dev.gantry.router.table.Listener::port)
                    .orElse(0);
            String lb = last.loadBalancerOfListener().getOrDefault(o.listenerId(), "");
            String error = o.error().orElse("not bound");
            now.put(o.listenerId(), new Unbound(lb, port, error));
            if (!unbound.containsKey(o.listenerId())) {
                LOG.atWarn()
                        .addKeyValue("listenerArn", o.listenerId())
                        .addKeyValue("loadBalancerArn", lb)
                        .addKeyValue("port", port)
                        .addKeyValue("error", error)
                        .log("listener could not bind; its load balancer is active_impaired until it can");
            }
        }
        for (String was : unbound.keySet()) {
            if (!now.containsKey(was)
                    && report.listener(was)
                            .filter(ApplyReport.ListenerOutcome::bound)
                            .isPresent()) {
                LOG.atInfo().addKeyValue("listenerArn", was).log("listener bound after an earlier failure");
            }
        }
        unbound = Map.copyOf(now);
    }

    @Override
    public Optional<TargetHealth> health(String targetGroupArn, Target target) {
        return HealthVerdicts.of(
                router.targetHealth(targetGroupArn, new dev.gantry.router.table.Target(target.ip(), target.port())));
    }

    @Override
    public AutoCloseable onChange(Consumer<String> listener) {
        return router.onHealthChange(h -> listener.accept(h.targetGroupId()));
    }

    @Override
    public Optional<String> cannotListen(String listenerArn, String bindAddress, int port) {
        boolean ours = last.table().listeners().stream()
                .anyMatch(
                        l -> l.port() == port && router.listenerAddress(l.id()).isPresent());
        if (ours) {
            return Optional.empty(); // this listener already, or another one of ours: the store says which
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as the router binds: a port in TIME_WAIT is free
            probe.bind(new InetSocketAddress(bindAddress, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.format(PORT_IN_USE, port, bindAddress, e.getMessage()));
        }
    }

    @Override
    public Optional<String> impairment(String loadBalancerArn) {
        String why = unbound.entrySet().stream()
                .filter(e -> e.getValue().loadBalancerArn().equals(loadBalancerArn))
                .map(e -> String.format(
                        IMPAIRED, e.getKey(), e.getValue().port(), e.getValue().error()))
                .collect(Collectors.joining("; "));
        return why.isEmpty() ? Optional.empty() : Optional.of(why);
    }

    /** Where a listener listens, if it does (tests, diagnostics). */
    public Optional<InetSocketAddress> listenerAddress(String listenerArn) {
        return router.listenerAddress(listenerArn);
    }

    /** Closes every listener and connection and stops the health checks. */
    @Override
    public void close() {
        router.close();
    }
}
