package dev.gantry.api.taskmeta;

import dev.gantry.control.endpoint.TaskEndpoints;
import dev.gantry.core.arn.Arns;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener behind 169.254.170.2 (tasks reach it through the host's redirect, see docs/adr): one small
 * Netty server that reads a request, answers it on a virtual thread ({@link EndpointRoutes} may block to issue
 * credentials or sample stats) and reads the connection's next request only after replying, so replies keep
 * their order. The caller is the connection's source address, which the redirect preserves.
 */
public final class EndpointServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointServer.class);
    /** Where the routes' blocking work runs. */
    static final Executor BLOCKING = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("gantry-task-endpoint-", 0).factory());

    private static final int MAX_REQUEST = 16 * 1024;

    private final EndpointRoutes routes;
    private final EventLoopGroup group;
    private final Channel channel;

    private EndpointServer(EndpointRoutes routes, EventLoopGroup group, Channel channel) {
        this.routes = routes;
        this.group = group;
        this.channel = channel;
    }

    /** Listens on {@code host:port} (0: any free port). Throws IllegalStateException if it cannot bind. */
    public static EndpointServer start(String host, int port, TaskEndpoints endpoints, Arns arns, InstantSource clock) {
        EndpointRoutes routes = new EndpointRoutes(endpoints, arns, clock);
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("gantry-task-endpoint-io"));
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            c.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST))
                                    .addLast(new Handler(routes));
                        }
                    })
                    .bind(host, port)
                    .syncUninterruptibly()
                    .channel();
            EndpointServer server = new EndpointServer(routes, group, ch);
            LOG.atInfo().addKeyValue("address", server.address()).log("task endpoint listening");
            return server;
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            group.shutdownGracefully();
            throw new IllegalStateException(
                    "the task endpoint cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully();
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final EndpointRoutes routes;

        Handler(EndpointRoutes routes) {
            this.routes = routes;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String ip = ((InetSocketAddress) ctx.channel().remoteAddress())
                    .getAddress()
                    .getHostAddress();
            String method = req.method().name();
            String uri = req.uri();
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            ctx.channel().config().setAutoRead(false);
            BLOCKING.execute(() -> {
                EndpointRoutes.Reply reply;
                try {
                    reply = routes.handle(ip, method, uri);
                } catch (RuntimeException e) {
                    LOG.atWarn().addKeyValue("uri", uri).setCause(e).log("task endpoint request failed");
                    reply = EndpointRoutes.error(
                            500,
                            "InternalServerError",
                            "the task endpoint failed: " + e.getClass().getSimpleName());
                }
                EndpointRoutes.Reply r = reply;
                ctx.executor().execute(() -> write(ctx, r, keepAlive));
            });
        }

        private static void write(ChannelHandlerContext ctx, EndpointRoutes.Reply r, boolean keepAlive) {
            FullHttpResponse res = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(r.status()),
                    Unpooled.wrappedBuffer(r.json().getBytes(StandardCharsets.UTF_8)));
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            HttpUtil.setContentLength(res, res.content().readableBytes());
            HttpUtil.setKeepAlive(res, keepAlive);
            var f = ctx.writeAndFlush(res);
            if (keepAlive) {
                ctx.channel().config().setAutoRead(true);
            } else {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
