package dev.gantry.api.http;

import dev.gantry.core.error.ErrorCode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per connection: turns each aggregated request into an {@link InboundRequest}, runs the {@link Dispatcher}
 * on a handler thread ({@link HandlerPool}; ThrottlingException when none is free and the queue is full), and
 * writes the {@link HttpReply} back. Requests on one connection are handled strictly in
 * order (HTTP/1.1 pipelining requires responses in request order); different connections run in parallel.
 * A connection with {@link #MAX_WAITING} requests read but not yet answered stops being read (auto-read off) until
 * one is answered, so pipelining cannot buffer unbounded requests past {@link HandlerPool}'s queue bound.
 */
final class NettyChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(NettyChannelHandler.class);
    /** Requests one connection may have read and not yet answered before it stops reading. */
    static final int MAX_WAITING = 16;

    private final Dispatcher dispatcher;
    private final ExecutorService executor;
    private final InstantSource clock;
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null); // event-loop confined
    private int waiting; // requests read and not yet answered; event-loop confined

    NettyChannelHandler(Dispatcher dispatcher, ExecutorService executor, InstantSource clock) {
        this.dispatcher = dispatcher;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        if (msg.decoderResult().isFailure()) {
            HttpReply reply = EdgeReplies.reply(
                    dispatcher, msg.headers(), ErrorCode.SERIALIZATION, 400, ErrorReplies.MALFORMED_HTTP);
            Runnable answer = () -> write(ctx, reply, true);
            previous = previous.thenRun(answer); // no handler needed: answered on the event loop, then closed
            track(ctx);
            return;
        }
        InboundRequest request = toInbound(ctx, msg);
        previous = previous.thenRunAsync(() -> write(ctx, dispatcher.dispatch(request), false), executor)
                .exceptionally(e -> {
                    if (e.getCause() instanceof RejectedExecutionException) { // every handler busy, queue full
                        LOG.atDebug()
                                .addKeyValue("remote", ctx.channel().remoteAddress())
                                .log("request throttled");
                        write(ctx, dispatcher.refuse(request, LimitReplies.throttled()), false);
                        return null;
                    }
                    LOG.atWarn().setCause(e).log("could not answer a request; closing the connection");
                    ctx.close();
                    return null;
                });
        track(ctx);
    }

    /** Counts the request just chained on {@link #previous}; reading pauses at the bound and resumes once answered. */
    private void track(ChannelHandlerContext ctx) {
        if (++waiting >= MAX_WAITING) {
            ctx.channel().config().setAutoRead(false);
        }
        previous = previous.whenComplete((ignored, failure) -> ctx.executor().execute(() -> answered(ctx)));
    }

    private void answered(ChannelHandlerContext ctx) {
        if (--waiting < MAX_WAITING && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.atDebug()
                .addKeyValue("remote", ctx.channel().remoteAddress())
                .setCause(cause)
                .log("connection error");
        ctx.close();
    }

    private InboundRequest toInbound(ChannelHandlerContext ctx, FullHttpRequest msg) {
        String uri = msg.uri();
        int q = uri.indexOf('?');
        String path = originFormPath(q < 0 ? uri : uri.substring(0, q));
        String rawQuery = q < 0 ? "" : uri.substring(q + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        msg.headers()
                .forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                        .add(h.getValue()));
        byte[] body = ByteBufUtil.getBytes(msg.content());
        String sourceIp =
                ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress peer && peer.getAddress() != null
                        ? peer.getAddress().getHostAddress()
                        : "";
        return new InboundRequest(msg.method().name(), path, rawQuery, headers, body, clock.instant(), sourceIp);
    }

    /** The path of an origin-form ({@code /a/b}) or absolute-form ({@code http://host/a/b}) request target. */
    static String originFormPath(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        int scheme = target.indexOf("://");
        int slash = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : target.substring(slash);
    }

    /** Safe from any thread: Netty queues the write onto the channel's event loop. */
    static void write(ChannelHandlerContext ctx, HttpReply reply, boolean close) {
        FullHttpResponse response = toResponse(reply);
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }

    static FullHttpResponse toResponse(HttpReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
        reply.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        return response;
    }
}
