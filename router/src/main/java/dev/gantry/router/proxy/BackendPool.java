package dev.gantry.router.proxy;

import dev.gantry.router.net.Transport;
import dev.gantry.router.state.TargetSlot;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to targets, one pool per event loop and target slot (a target of one group: the same
 * ip:port in two groups has two pools, so one group's draining closes only connections it opened) (a connection is only used by clients of the loop it
 * lives on, so no locks and no cross-thread hand-off), at most {@code maxIdlePerTarget} idle ones per target and
 * loop. A connection is reused only after a complete exchange that both sides kept alive; one that closes while
 * idle leaves the pool by itself, and one unused for {@code poolIdleTimeout} is closed (never handed out past it;
 * a sweep every half of it closes those nobody asked for). Must be called on the event loop it hands out
 * connections for.
 */
final class BackendPool {
    /** The exchange a target connection currently serves (absent while idle in the pool). */
    static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("gantry.router.exchange");

    static final AttributeKey<Boolean> REUSED = AttributeKey.valueOf("gantry.router.reused");

    private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("gantry.router.idleSince");

    /** One event loop's idle connections, oldest first per target, and whether its sweep is scheduled. */
    private static final class LoopPool {
        final Map<TargetSlot, ArrayDeque<Channel>> idle = new HashMap<>();
        boolean sweeping;
    }

    private final FastThreadLocal<LoopPool> pools = new FastThreadLocal<>() {
        @Override
        protected LoopPool initialValue() {
            return new LoopPool();
        }
    };

    private final Bootstrap template;
    private final int maxIdlePerTarget;
    private final long poolIdleNanos;

    BackendPool(ProxySettings settings) {
        this.maxIdlePerTarget = settings.maxIdlePerTarget();
        this.poolIdleNanos = settings.poolIdleTimeout().toNanos();
        long timeout = settings.targetTimeout().toMillis();
        this.template = new Bootstrap()
                .channel(Transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast("codec", new HttpClientCodec(4096, 16384, 16384, false, false))
                                .addLast("timeout", new IdleStateHandler(true, 0, 0, timeout, TimeUnit.MILLISECONDS))
                                .addLast("backend", BackendHandler.INSTANCE);
                    }
                });
    }

    /** An idle connection to the target, or a new one. */
    Future<Channel> acquire(TargetSlot slot, EventLoop loop, boolean fresh) {
        ArrayDeque<Channel> idle = fresh ? null : pools.get().idle.get(slot);
        long now = System.nanoTime();
        while (idle != null && !idle.isEmpty()) {
            Channel ch = idle.pollLast(); // the most recently used: the least likely to be closing
            if (ch.isActive() && now - ch.attr(IDLE_SINCE).get() < poolIdleNanos) {
                ch.attr(REUSED).set(true);
                return loop.newSucceededFuture(ch);
            }
            ch.close();
        }
        Promise<Channel> promise = loop.newPromise();
        ChannelFuture connect = template.clone(loop).connect(slot.address());
        Channel ch = connect.channel();
        ch.attr(REUSED).set(false);
        slot.track(ch);
        ch.closeFuture()
                .addListener(
                        f -> { // leaves the idle pool (if it is there) when it closes
                            ArrayDeque<Channel> pooled = pools.get().idle.get(slot);
                            if (pooled != null) {
                                pooled.remove(ch);
                            }
                        });
        connect.addListener(f -> {
            if (f.isSuccess()) {
                promise.trySuccess(ch);
            } else {
                promise.tryFailure(f.cause());
            }
        });
        return promise;
    }

    /** Takes a connection back after a complete exchange, or closes it if the pool for its target is full. */
    void release(Channel ch, TargetSlot slot) {
        ch.attr(EXCHANGE).set(null);
        if (!ch.isActive() || !slot.accepting()) {
            ch.close();
            return;
        }
        ch.config().setAutoRead(true);
        LoopPool pool = pools.get();
        ArrayDeque<Channel> idle = pool.idle.computeIfAbsent(slot, a -> new ArrayDeque<>());
        if (idle.size() >= maxIdlePerTarget) {
            ch.close();
            return;
        }
        ch.attr(IDLE_SINCE).set(System.nanoTime());
        idle.addLast(ch);
        if (!pool.sweeping) {
            pool.sweeping = true;
            long every = Math.max(1, poolIdleNanos / 2);
            ch.eventLoop().scheduleWithFixedDelay(() -> sweep(pool), every, every, TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the connections of this loop's pool that have been unused for the pool idle timeout. */
    private void sweep(LoopPool pool) {
        long now = System.nanoTime();
        for (var it = pool.idle.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Channel> idle = it.next();
            while (!idle.isEmpty() && now - idle.peekFirst().attr(IDLE_SINCE).get() >= poolIdleNanos) {
                idle.pollFirst().close();
            }
            if (idle.isEmpty()) {
                it.remove();
            }
        }
    }
}
