package dev.gantry.router;

import dev.gantry.router.health.HealthProber;
import dev.gantry.router.health.TargetHealth;
import dev.gantry.router.net.Transport;
import dev.gantry.router.proxy.ListenerChannels;
import dev.gantry.router.proxy.ProxySettings;
import dev.gantry.router.state.GroupState;
import dev.gantry.router.state.Snapshot;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router: Gantry's ALB/NLB data plane. Give it a whole {@link RoutingTable} with {@link #apply}; it swaps the
 * table atomically (requests in flight finish with the table they started with), opens and closes listeners to
 * match, registers and drains targets and health-checks them. Read health with {@link #targetHealth()} or follow it
 * with {@link #onHealthChange}. The request path never blocks and never waits for the caller.
 *
 * <pre>{@code
 * try (Router router = Router.start(RouterOptions.defaults())) {
 *     ApplyReport report = router.apply(new RoutingTable(
 *             List.of(Listener.http("web", Listener.LOOPBACK, 8080, List.of(), Action.Forward.to("tg"))),
 *             List.of(TargetGroup.http("tg", List.of(new Target("10.0.0.5", 80))))));
 * }
 * }</pre>
 */
public final class Router implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private record Bound(Listener config, Channel channel) {}

    private final RouterOptions options;
    private final ReentrantLock applying = new ReentrantLock();
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private final Map<String, Bound> bound = new HashMap<>();
    private final List<Consumer<TargetHealth>> watchers = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final HealthProber prober = new HealthProber();
    private final ListenerChannels channels;
    private volatile Snapshot current;
    private volatile boolean closed;

    private Router(RouterOptions options) {
        this.options = options;
        this.notifier = Executors.newSingleThreadExecutor(new DefaultThreadFactory("gantry-router-health", true));
        this.acceptors = Transport.group(1, "gantry-router-accept");
        this.workers = Transport.group(options.ioThreads(), "gantry-router-io");
        this.current = new Snapshot(RoutingTable.empty(), Map.of());
        ProxySettings settings = new ProxySettings(
                () -> current,
                options.connectTimeout(),
                options.targetTimeout(),
                options.clientIdleTimeout(),
                options.poolIdleTimeout(),
                options.maxIdlePerTarget(),
                options.clock(),
                options.waiter());
        this.channels = new ListenerChannels(acceptors, workers, settings);
    }

    /** A running router with no listeners; give it a table with {@link #apply}. */
    public static Router start(RouterOptions options) {
        return new Router(options);
    }

    /**
     * Makes {@code table} the router's whole configuration: target groups are created, updated (targets registered,
     * removed ones drained) or dropped; the compiled table is published in one volatile write; listeners no longer
     * in the table (or moved) are closed, new ones bound. A listener that cannot bind is reported, not thrown.
     */
    public ApplyReport apply(RoutingTable table) {
        applying.lock();
        try {
            if (closed) {
                throw new IllegalStateException("router is closed");
            }
            Set<String> inUse = table.groupsInUse();
            Map<String, GroupState> live = new HashMap<>();
            for (TargetGroup g : table.targetGroups()) {
                GroupState state = groups.computeIfAbsent(
                        g.id(), id -> new GroupState(id, workers.next(), prober, this::announce));
                state.update(g, inUse.contains(g.id()));
                live.put(g.id(), state);
            }
            for (String gone : List.copyOf(groups.keySet())) {
                if (!live.containsKey(gone)) {
                    groups.remove(gone).remove();
                }
            }
            current = new Snapshot(table, live);
            return new ApplyReport(listeners(table));
        } finally {
            applying.unlock();
        }
    }

    private List<ApplyReport.ListenerOutcome> listeners(RoutingTable table) {
        Map<String, Listener> wanted = new HashMap<>();
        table.listeners().forEach(l -> wanted.put(l.id(), l));
        for (Bound b : List.copyOf(bound.values())) {
            Listener w = wanted.get(b.config().id());
            if (w == null || !sameSocket(w, b.config())) {
                b.channel().close().syncUninterruptibly();
                bound.remove(b.config().id());
                LOG.atInfo().addKeyValue("listener", b.config().id()).log("listener closed");
            }
        }
        List<ApplyReport.ListenerOutcome> outcomes = new ArrayList<>();
        for (Listener l : table.listeners()) {
            Bound b = bound.get(l.id());
            if (b == null) {
                try {
                    b = new Bound(l, channels.bind(l));
                    bound.put(l.id(), b);
                    LOG.atInfo()
                            .addKeyValue("listener", l.id())
                            .addKeyValue("address", b.channel().localAddress())
                            .addKeyValue("protocol", l.protocol())
                            .addKeyValue("transport", Transport.name())
                            .log("listener open");
                } catch (Exception e) { // Netty rethrows the checked BindException undeclared
                    String error = "could not listen on " + l.bindAddress() + ":" + l.port() + ": " + e.getMessage();
                    LOG.atWarn().addKeyValue("listener", l.id()).log(error);
                    outcomes.add(new ApplyReport.ListenerOutcome(l.id(), Optional.empty(), Optional.of(error)));
                    continue;
                }
            } else {
                bound.put(l.id(), new Bound(l, b.channel()));
            }
            outcomes.add(new ApplyReport.ListenerOutcome(
                    l.id(), Optional.of((InetSocketAddress) b.channel().localAddress()), Optional.empty()));
        }
        return outcomes;
    }

    private static boolean sameSocket(Listener a, Listener b) {
        return a.bindAddress().equals(b.bindAddress()) && a.port() == b.port() && a.protocol() == b.protocol();
    }

    /** The table last applied. */
    public RoutingTable table() {
        return current.table();
    }

    /** Where a listener of the current table listens, if it is bound. */
    public Optional<InetSocketAddress> listenerAddress(String listenerId) {
        applying.lock();
        try {
            return Optional.ofNullable(bound.get(listenerId))
                    .map(b -> (InetSocketAddress) b.channel().localAddress());
        } finally {
            applying.unlock();
        }
    }

    /** Every registered (or still draining) target of every group, by group then registration order. */
    public List<TargetHealth> targetHealth() {
        applying.lock();
        try {
            return groups.values().stream().flatMap(g -> g.health().stream()).toList();
        } finally {
            applying.unlock();
        }
    }

    /** Every group's request counters, in group order. */
    public List<RequestMetrics> requestMetrics() {
        applying.lock();
        try {
            return groups.values().stream().map(GroupState::requestMetrics).toList();
        } finally {
            applying.unlock();
        }
    }

    /** One target's health; a target the group does not have is {@code unused}, Target.NotRegistered. */
    public TargetHealth targetHealth(String targetGroupId, Target target) {
        return targetHealth().stream()
                .filter(h ->
                        h.targetGroupId().equals(targetGroupId) && h.target().equals(target))
                .findFirst()
                .orElseGet(() -> TargetHealth.notRegistered(targetGroupId, target));
    }

    /**
     * Calls {@code watcher} with a target's new health after each change of state or reason (not for every probe),
     * in order, on one router thread (never an I/O thread); closing the returned handle stops the calls. The end of
     * a target's draining is told as {@code unused} / {@code Target.NotRegistered}: its connections are closed.
     */
    public AutoCloseable onHealthChange(Consumer<TargetHealth> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    private void announce(TargetHealth health) {
        if (watchers.isEmpty() || closed) {
            return;
        }
        notifier.execute(() -> {
            for (Consumer<TargetHealth> w : watchers) {
                try {
                    w.accept(health);
                } catch (RuntimeException e) {
                    LOG.atWarn().setCause(e).log("target health watcher failed");
                }
            }
        });
    }

    /** Closes listeners and every connection, stops health checks. Idempotent. */
    @Override
    public void close() {
        applying.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            bound.values().forEach(b -> b.channel().close().syncUninterruptibly());
            bound.clear();
            groups.values().forEach(GroupState::remove);
            groups.clear();
        } finally {
            applying.unlock();
        }
        for (EventLoopGroup g : new EventLoopGroup[] {acceptors, workers}) {
            g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        notifier.shutdownNow();
    }
}
