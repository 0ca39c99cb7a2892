package dev.gantry.router.state;

import dev.gantry.router.RequestMetrics;
import dev.gantry.router.health.HealthMachine;
import dev.gantry.router.health.HealthProber;
import dev.gantry.router.health.HealthStatus;
import dev.gantry.router.health.ProbeResult;
import dev.gantry.router.health.TargetHealth;
import dev.gantry.router.health.TargetState;
import dev.gantry.router.table.Resilience;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target group's live state: its registered and draining targets, their health, the health-check schedule and
 * the arrays the request path picks from ({@link #pick(boolean)}: round-robin over healthy targets; when none is
 * healthy, over those that failed their checks, as ALB fails open, and over those still in {@code initial} only if
 * the caller says so (not when a scale-to-zero waiter should hold the request until one is ready); a target in slow
 * start gets a share that grows linearly over the group's slow-start duration after it became healthy). Mutations come from {@link #update} (a new routing table), probe
 * results and drain timers, each under this object's lock; health changes go to the sink once per transition.
 */
public final class GroupState {
    private static final Logger LOG = LoggerFactory.getLogger(GroupState.class);
    private static final TargetSlot[] NONE = new TargetSlot[0];

    private final String id;
    private final EventLoop loop;
    private final HealthProber prober;
    private final Consumer<TargetHealth> sink;
    private final Map<Target, TargetSlot> slots = new LinkedHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private TargetGroup config;
    private boolean inUse;
    private boolean removed;
    private ScheduledFuture<?> probing;
    private volatile TargetSlot[] healthy = NONE;
    private volatile TargetSlot[] checked = NONE; // accepting, and past the initial checks
    private volatile TargetSlot[] accepting = NONE;
    private volatile long slowStartNanos;
    private volatile Resilience resilience = Resilience.NONE;
    private final GroupMetrics metrics = new GroupMetrics();

    public GroupState(String id, EventLoop loop, HealthProber prober, Consumer<TargetHealth> sink) {
        this.id = id;
        this.loop = loop;
        this.prober = prober;
        this.sink = sink;
    }

    public String id() {
        return id;
    }

    /** The next target for a request, failing open to targets still in {@code initial} too. */
    public TargetSlot pick() {
        return pick(true);
    }

    /**
     * The next target for a request, or null: healthy targets first; when there is none, every accepting target
     * (ALB's fail-open), leaving out those still in their initial checks unless {@code evenInitial}. Never blocks.
     */
    public TargetSlot pick(boolean evenInitial) {
        TargetSlot[] from = healthy;
        if (from.length > 1 && slowStartNanos > 0) {
            TargetSlot ramped = SlowStart.pick(from, slowStartNanos, System.nanoTime());
            if (ramped != null) {
                return ramped;
            }
        }
        if (from.length == 0) {
            from = evenInitial ? accepting : checked;
            if (from.length == 0) {
                return null;
            }
        }
        int start = next.getAndIncrement();
        TargetSlot first = from[Math.floorMod(start, from.length)];
        if (!resilience.ejects()) {
            return first;
        }
        long now = System.nanoTime();
        for (int i = 0; i < from.length; i++) { // skip ejected outliers while another target is left
            TargetSlot s = from[Math.floorMod(start + i, from.length)];
            if (!s.ejected(now)) {
                return s;
            }
        }
        return first;
    }

    /**
     * Another target than {@code failed} for a retry, or null when there is none: a healthy one that is not ejected,
     * else any other accepting one that is not ejected (one still in its initial checks included), else any other.
     */
    public TargetSlot pickOther(TargetSlot failed) {
        int start = next.get(); // not advanced: a retry leaves the round-robin's turns as they were
        long now = System.nanoTime();
        TargetSlot fallback = null;
        for (TargetSlot[] from : new TargetSlot[][] {healthy, accepting}) {
            for (int i = 0; i < from.length; i++) {
                TargetSlot s = from[Math.floorMod(start + i, from.length)];
                if (s != failed) {
                    if (!s.ejected(now)) {
                        return s;
                    }
                    fallback = fallback == null ? s : fallback;
                }
            }
        }
        return fallback;
    }

    /** The group's retries, ejection and request timeout. */
    public Resilience resilience() {
        return resilience;
    }

    /** The group's request counters (the request path writes them). */
    public GroupMetrics metrics() {
        return metrics;
    }

    /** The counters as they are now. */
    public RequestMetrics requestMetrics() {
        return metrics.snapshot(id);
    }

    /** A 5xx answer or a failed connect from {@code slot}: may eject it as an outlier (capped share of the group). */
    public void failed(TargetSlot slot) {
        Resilience r = resilience;
        if (!r.ejects() || slot.failed() < r.ejectAfterFailures()) {
            return;
        }
        long now = System.nanoTime();
        TargetSlot[] all = accepting;
        long ejected = java.util.Arrays.stream(all).filter(t -> t.ejected(now)).count();
        if ((ejected + 1) * 100 > (long) all.length * r.maxEjectionPercent()) {
            return; // the cap: never eject more than maxEjectionPercent of the group
        }
        slot.eject(now + r.ejectionTime().toNanos());
        metrics.ejections.increment();
        LOG.atInfo()
                .addKeyValue("targetGroup", id)
                .addKeyValue("target", slot.target())
                .addKeyValue("for", r.ejectionTime())
                .log("target ejected as an outlier");
    }

    /** A response below 500 from {@code slot}. */
    public void succeeded(TargetSlot slot) {
        slot.succeeded();
    }

    /** Applies the group's configuration from a new routing table: registers, deregisters, (re)schedules checks. */
    public synchronized void update(TargetGroup newConfig, boolean used) {
        TargetGroup old = config;
        config = newConfig;
        resilience = newConfig.resilience();
        slowStartNanos = newConfig.slowStart().toNanos();
        for (Target t : newConfig.targets()) {
            TargetSlot slot = slots.get(t);
            if (slot == null) {
                slots.put(t, new TargetSlot(t, resolve(t), HealthMachine.registered(used)));
                announce(t, HealthMachine.registered(used));
            } else if (!slot.accepting()) { // re-registered while draining
                cancelDrain(slot);
                change(slot, HealthMachine.registered(used));
            }
        }
        for (TargetSlot slot : List.copyOf(slots.values())) {
            if (slot.accepting() && !newConfig.targets().contains(slot.target())) {
                drain(slot);
            }
        }
        boolean useChanged = used != inUse;
        inUse = used;
        for (TargetSlot slot : slots.values()) {
            change(slot, HealthMachine.inUse(slot.status(), used));
        }
        if (useChanged || old == null || !old.healthCheck().equals(newConfig.healthCheck())) {
            schedule();
        }
        publish();
    }

    /** The group left the table: checks stop, its targets take no new requests and drain, then it is forgotten. */
    public synchronized void remove() {
        removed = true;
        if (probing != null) {
            probing.cancel(false);
        }
        for (TargetSlot slot : List.copyOf(slots.values())) {
            if (slot.accepting()) {
                slot.status(HealthMachine.deregistered(slot.status()));
                scheduleDrainEnd(slot);
            }
        }
        publish();
    }

    /** Every target's health, registration order. */
    public synchronized List<TargetHealth> health() {
        List<TargetHealth> out = new ArrayList<>();
        for (TargetSlot slot : slots.values()) {
            out.add(TargetHealth.of(id, slot.target(), slot.status()));
        }
        return out;
    }

    private void schedule() {
        if (probing != null) {
            probing.cancel(false);
            probing = null;
        }
        if (inUse && !removed) {
            long interval = config.healthCheck().interval().toMillis();
            probing = loop.scheduleWithFixedDelay(this::probeAll, 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    private void probeAll() {
        List<TargetSlot> targets;
        var check = config();
        synchronized (this) {
            targets = slots.values().stream().filter(TargetSlot::accepting).toList();
        }
        for (TargetSlot slot : targets) {
            InetSocketAddress address = check.healthCheck().port().isPresent()
                    ? new InetSocketAddress(
                            slot.address().getAddress(),
                            check.healthCheck().port().getAsInt())
                    : slot.address();
            prober.probe(loop, address, check.healthCheck()).addListener(f -> probed(slot, (ProbeResult) f.getNow()));
        }
    }

    private synchronized TargetGroup config() {
        return config;
    }

    private synchronized void probed(TargetSlot slot, ProbeResult result) {
        if (result == null || slots.get(slot.target()) != slot || removed) {
            return;
        }
        change(slot, HealthMachine.probed(slot.status(), result, config.healthCheck()));
    }

    private void drain(TargetSlot slot) {
        change(slot, HealthMachine.deregistered(slot.status()));
        scheduleDrainEnd(slot);
    }

    private void scheduleDrainEnd(TargetSlot slot) {
        long delay = config.deregistrationDelay().toMillis();
        slot.drainEnd(loop.schedule(() -> drained(slot), delay, TimeUnit.MILLISECONDS));
    }

    private synchronized void drained(TargetSlot slot) {
        if (slots.get(slot.target()) != slot || slot.accepting()) {
            return;
        }
        slots.remove(slot.target());
        LOG.atInfo()
                .addKeyValue("targetGroup", id)
                .addKeyValue("target", slot.target())
                .addKeyValue("connectionsClosed", slot.openConnections())
                .log("target drained and deregistered");
        slot.closeConnections();
        publish();
        sink.accept(TargetHealth.notRegistered(id, slot.target())); // draining is over: the task may stop
    }

    private void cancelDrain(TargetSlot slot) {
        if (slot.drainEnd() != null) {
            slot.drainEnd().cancel(false);
            slot.drainEnd(null);
        }
    }

    private void change(TargetSlot slot, HealthStatus status) {
        HealthStatus old = slot.status();
        slot.status(status);
        if (status.state() != TargetState.HEALTHY) {
            slot.rampStart(0);
        } else if (old.state() != TargetState.HEALTHY && slowStartNanos > 0 && othersHealthy(slot)) {
            slot.rampStart(System.nanoTime()); // ALB ramps a target up only if others carry the traffic meanwhile
        }
        if (!old.sameAs(status)) {
            announce(slot.target(), status);
            if (old.state() != status.state()) {
                publish();
            }
        }
    }

    private boolean othersHealthy(TargetSlot slot) {
        return slots.values().stream()
                .anyMatch(o -> o != slot && o.accepting() && o.status().state() == TargetState.HEALTHY);
    }

    private void announce(Target target, HealthStatus status) {
        LOG.atInfo()
                .addKeyValue("targetGroup", id)
                .addKeyValue("target", target)
                .addKeyValue("state", status.state().wireName())
                .addKeyValue("reason", status.reason().map(r -> r.code()).orElse(""))
                .log("target health changed");
        sink.accept(TargetHealth.of(id, target, status));
    }

    private void publish() {
        List<TargetSlot> ok = new ArrayList<>();
        List<TargetSlot> judged = new ArrayList<>();
        List<TargetSlot> open = new ArrayList<>();
        for (TargetSlot slot : slots.values()) {
            if (slot.accepting() && !removed) {
                open.add(slot);
                if (slot.status().state() != TargetState.INITIAL) {
                    judged.add(slot);
                }
                if (slot.status().state() == TargetState.HEALTHY) {
                    ok.add(slot);
                }
            }
        }
        healthy = ok.toArray(NONE);
        checked = judged.toArray(NONE);
        accepting = open.toArray(NONE);
    }

    private static InetSocketAddress resolve(Target target) {
        try { // an IP literal (Target checks): parsed, never looked up
            return new InetSocketAddress(InetAddress.getByName(target.ip()), target.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("target " + target + " is not an IP address", e);
        }
    }

    @Override
    public String toString() {
        return "GroupState[" + Objects.toString(id) + "]";
    }
}
