package dev.gantry.router.state;

import dev.gantry.router.health.HealthStatus;
import dev.gantry.router.health.TargetState;
import dev.gantry.router.table.Target;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registered target as the router holds it: its resolved address, its health and the connections open to it (so
 * the end of its draining can close what is left). Health and draining are written under the owning group's lock.
 */
public final class TargetSlot {
    private final Target target;
    private final InetSocketAddress address;
    private final ChannelGroup channels;
    private volatile HealthStatus status;
    private ScheduledFuture<?> drainEnd;
    private volatile long rampStart; // System.nanoTime() when its slow start began; 0 when not ramping
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile long ejectedUntil; // System.nanoTime() its outlier ejection ends; 0 when not ejected

    TargetSlot(Target target, InetSocketAddress address, HealthStatus status) {
        this.target = target;
        this.address = address;
        this.status = status;
        this.channels = new DefaultChannelGroup(target.toString(), GlobalEventExecutor.INSTANCE);
    }

    public Target target() {
        return target;
    }

    public InetSocketAddress address() {
        return address;
    }

    public HealthStatus status() {
        return status;
    }

    /** Whether new requests may go to it (false once it drains). */
    public boolean accepting() {
        return status.state() != TargetState.DRAINING;
    }

    /** Remembers a connection to this target (removed by itself when it closes). */
    public void track(Channel channel) {
        channels.add(channel);
    }

    long rampStart() {
        return rampStart;
    }

    void rampStart(long nanos) {
        this.rampStart = nanos;
    }

    void status(HealthStatus newStatus) {
        this.status = newStatus;
    }

    ScheduledFuture<?> drainEnd() {
        return drainEnd;
    }

    void drainEnd(ScheduledFuture<?> future) {
        this.drainEnd = future;
    }

    void closeConnections() {
        channels.close();
    }

    int openConnections() {
        return channels.size();
    }

    /** Whether an outlier ejection keeps it out of picks at {@code now} (System.nanoTime()). */
    public boolean ejected(long now) {
        long until = ejectedUntil;
        return until != 0 && now - until < 0;
    }

    void eject(long until) {
        ejectedUntil = until;
        failuresInARow.set(0);
    }

    /** Counts a failure; returns how many in a row. */
    int failed() {
        return failuresInARow.incrementAndGet();
    }

    void succeeded() {
        if (failuresInARow.get() != 0) {
            failuresInARow.set(0);
        }
    }
}
