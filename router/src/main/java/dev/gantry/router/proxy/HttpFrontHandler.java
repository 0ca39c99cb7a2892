package dev.gantry.router.proxy;

import dev.gantry.router.state.GroupState;
import dev.gantry.router.state.ListenerRoutes;
import dev.gantry.router.state.TargetSlot;
import dev.gantry.router.state.TargetWaiter;
import dev.gantry.router.table.Action;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client connection of an HTTP listener. One request at a time: it reads the current snapshot, evaluates the
 * listener's rules and answers directly (fixed response, redirect, 503) or starts an {@link Exchange}. Requests a
 * client pipelines meanwhile wait in a short queue (reading pauses when it fills). After a 101 the connection
 * becomes a {@link Relay}.
 */
final class HttpFrontHandler extends ChannelInboundHandlerAdapter {
    private static final int MAX_QUEUED = 64;

    private final ProxySettings settings;
    private final BackendPool pool;
    private final String listenerId;
    private final int listenerPort;
    private final ArrayDeque<Object> queued = new ArrayDeque<>();
    private Channel client;
    private Exchange exchange;
    private boolean waiting;
    private String clientIp;

    HttpFrontHandler(ProxySettings settings, BackendPool pool, String listenerId, int listenerPort) {
        this.settings = settings;
        this.pool = pool;
        this.listenerId = listenerId;
        this.listenerPort = listenerPort;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        client = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (busy()) {
            queued.add(msg);
            if (queued.size() >= MAX_QUEUED) {
                client.config().setAutoRead(false);
            }
            return;
        }
        handle(msg);
    }

    private boolean busy() {
        return waiting || (exchange != null && exchange.requestDone());
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest request) {
            onRequest(request);
        } else if (msg instanceof HttpContent content && exchange != null) {
            exchange.fromClient(content);
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            content.release(); // a garbled body of a request answered directly: the connection cannot go on
            client.close();
        } else {
            ReferenceCountUtil.release(msg); // the body of a request answered directly
        }
    }

    private void onRequest(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            reply(Replies.error(HttpResponseStatus.BAD_REQUEST, false), false);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Optional<ListenerRoutes> routes = settings.snapshots().get().listener(listenerId);
        if (routes.isEmpty()) { // the listener was removed while this connection was open
            reply(Replies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, false), false);
            return;
        }
        NettyRequestFacts facts =
                new NettyRequestFacts(request, ((InetSocketAddress) client.remoteAddress()).getAddress());
        Action action = routes.get().route(facts);
        if (isH2cPreface(request)) {
            h2cPriorKnowledge(
                    action instanceof Action.Forward f ? routes.get().pick(f).pick() : null);
            return;
        }
        switch (action) {
            case Action.FixedResponse fixed -> reply(Replies.fixed(fixed, keepAlive), keepAlive);
            case Action.Redirect redirect -> {
                String uri = request.uri();
                String rawQuery = uri.indexOf('?') < 0 ? "" : uri.substring(uri.indexOf('?') + 1);
                reply(Replies.redirect(redirect, facts, rawQuery, listenerPort, keepAlive), keepAlive);
            }
            case Action.Forward forward -> forward(request, routes.get().pick(forward), keepAlive);
        }
    }

    private static boolean isH2cPreface(HttpRequest request) {
        return request.protocolVersion().majorVersion() == 2
                && "PRI".equals(request.method().name())
                && "*".equals(request.uri());
    }

    /** HTTP/2 with prior knowledge: the connection leaves HTTP/1.1 parsing and goes whole to one target. */
    private void h2cPriorKnowledge(TargetSlot slot) {
        if (slot == null) {
            client.close();
            return;
        }
        client.config().setAutoRead(false);
        PrefaceRelay relay = new PrefaceRelay();
        ChannelPipeline pipeline = client.pipeline();
        pipeline.replace(this, "preface", relay);
        pipeline.remove(ListenerChannels.IDLE);
        pipeline.remove(ListenerChannels.CODEC); // hands the bytes it holds (the rest of the preface) to the relay
        relay.connect(client, slot, settings.connectTimeout(), settings.clientIdleTimeout());
    }

    private void forward(HttpRequest request, GroupState group, boolean keepAlive) {
        // with a scale-to-zero waiter, a group whose only targets are still starting waits for one to be ready
        TargetSlot slot = group.pick(settings.waiter() == TargetWaiter.NONE);
        if (slot != null) {
            startExchange(request, group, slot, keepAlive);
            return;
        }
        CompletableFuture<Boolean> wait =
                settings.waiter().awaitTarget(group.id()).toCompletableFuture();
        if (wait.isDone() && !Boolean.TRUE.equals(wait.getNow(false))) {
            reply(Replies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, keepAlive), keepAlive);
            return;
        }
        waiting = true;
        client.config().setAutoRead(false);
        wait.whenComplete((ready, error) -> client.eventLoop().execute(() -> {
            waiting = false;
            if (!client.isActive()) { // the client left while it waited: nobody to send the request for
                ReferenceCountUtil.release(request);
                return;
            }
            TargetSlot woken = Boolean.TRUE.equals(ready) && error == null ? group.pick(true) : null;
            if (woken == null) {
                reply(Replies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, keepAlive), keepAlive);
            } else {
                startExchange(request, group, woken, keepAlive);
            }
            resume();
        }));
    }

    private void startExchange(HttpRequest request, GroupState group, TargetSlot slot, boolean keepAlive) {
        boolean upgrade = ForwardHeaders.isUpgrade(request);
        boolean http10 = HttpVersion.HTTP_1_0.equals(request.protocolVersion());
        String clientIp =
                ((InetSocketAddress) client.remoteAddress()).getAddress().getHostAddress();
        ForwardHeaders.toTarget(request, clientIp, listenerHost(), listenerPort, upgrade, settings.clock());
        exchange = new Exchange(this, client, pool, settings, request, group, slot, keepAlive, upgrade, http10);
        exchange.start();
    }

    /** The address the client reached, as a Host header: for requests that came without one (HTTP/1.0). */
    private String listenerHost() {
        InetSocketAddress local = (InetSocketAddress) client.localAddress();
        String ip = local.getAddress().getHostAddress();
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + local.getPort();
    }

    private void reply(FullHttpResponse response, boolean keepAlive) {
        var written = client.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The exchange delivered its response. */
    void exchangeDone(Exchange done) {
        if (exchange == done) {
            exchange = null;
        }
        if (!done.keepAlive()) {
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        resume();
    }

    /** The exchange failed: answer with {@code status}, or close if the response had already begun (null). */
    void exchangeFailed(Exchange failed, HttpResponseStatus status) {
        if (exchange == failed) {
            exchange = null;
        }
        if (status == null) {
            client.close();
            return;
        }
        boolean keep = failed.keepAlive() && failed.requestDone();
        reply(Replies.error(status, keep), keep);
        if (keep) {
            resume();
        }
    }

    /** A 101 went to the client: from now on the connection carries bytes both ways, unparsed. */
    void upgraded(Channel target) {
        exchange = null;
        ChannelPipeline targetPipeline = target.pipeline();
        targetPipeline.replace("backend", "relay", new Relay(client));
        targetPipeline.remove("timeout");
        targetPipeline.remove("codec");
        ChannelPipeline clientPipeline = client.pipeline();
        clientPipeline.replace(this, "relay", new Relay(target));
        clientPipeline.remove(ListenerChannels.IDLE);
        clientPipeline.remove(ListenerChannels.CODEC);
        Relay.closeWhenIdle(client, settings.clientIdleTimeout());
        for (Object msg = queued.poll(); msg != null; msg = queued.poll()) {
            ReferenceCountUtil.release(msg);
        }
        client.config().setAutoRead(true);
        target.config().setAutoRead(true);
    }

    private void resume() {
        while (!queued.isEmpty() && !busy()) {
            handle(queued.poll());
        }
        if (exchange != null) {
            exchange.clientReadComplete(); // not inside a client read: flush what the queued requests wrote
        }
        // an exchange still connecting to its target turns reading back on itself once it can take the body
        client.config().setAutoRead(exchange == null ? !waiting : exchange.connected());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientClosed();
            exchange = null;
        }
        for (Object msg = queued.poll(); msg != null; msg = queued.poll()) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && exchange == null && !waiting) {
            ctx.close(); // ALB's idle timeout
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
