package dev.gantry.api.http;

import dev.gantry.api.auth.SigV4Verifier;
import dev.gantry.api.protocol.AwsService;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the API's listening socket: a Netty HTTP/1.1 server (keep-alive, bodies aggregated up to a limit, a read
 * timeout on a request under way) whose request handling runs on a bounded pool of platform threads
 * ({@link HandlerPool}; a request beyond it is throttled). What answers a request is decided by {@link Dispatcher}.
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.builder()
 *         .bindHost("127.0.0.1").port(0)
 *         .services(List.of(ecs, logs))
 *         .credentials(Credentials.of(new Principal("AKID", "secret", "arn:aws:iam::000000000000:root")))
 *         .clock(InstantSource.system())
 *         .route(HttpRoute.of("/console", r -> HttpReply.text(200, "hi")))
 *         .build()
 *         .start()) {
 *     int port = server.port();
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    /** Pipeline names other handlers write or insert relative to. */
    static final String CODEC = "codec";

    static final String KEEP_ALIVE = "keepAlive";

    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final ExecutorService handlers;
    private volatile EventLoopGroup acceptors;
    private volatile EventLoopGroup workers;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Channel serverChannel;
    private volatile ServerBootstrap bootstrap;
    private final List<Channel> extraChannels = new CopyOnWriteArrayList<>();

    ApiServer(ServerConfig config) {
        this.config = config;
        SigV4Verifier verifier = new SigV4Verifier(config.credentials(), config.clock(), config.region());
        this.dispatcher = new Dispatcher(
                new AwsJsonEndpoint(config.services(), verifier, new ServiceCall(config.authorizer())),
                new QueryEndpoint(config.services(), verifier, new ServiceCall(config.authorizer())),
                config.routes(),
                config.requestIds(),
                config.clock());
        this.handlers = new HandlerPool(config.maxConcurrentRequests(), config.maxQueuedRequests());
    }

    public static ApiServerBuilder builder() {
        return new ApiServerBuilder();
    }

    /** Binds and starts serving; returns this. Throws {@link IllegalStateException} if binding fails. */
    public ApiServer start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("ApiServer already started");
        }
        InstantSource clock = config.clock();
        acceptors = new NioEventLoopGroup(1, new DefaultThreadFactory("gantry-api-accept"));
        workers = new NioEventLoopGroup(0, new DefaultThreadFactory("gantry-api-io"));
        ServerBootstrap bootstrap = this.bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RequestReadTimeout timeout = new RequestReadTimeout(dispatcher);
                        ch.pipeline()
                                .addLast(
                                        "idle",
                                        new IdleStateHandler(
                                                config.requestReadTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("bytesSeen", timeout.bytesSeen())
                                .addLast(CODEC, new HttpServerCodec())
                                .addLast("progress", timeout.progress())
                                .addLast(KEEP_ALIVE, new HttpServerKeepAliveHandler())
                                .addLast("aggregate", new JsonErrorAggregator(config.maxContentLength(), dispatcher))
                                .addLast("dispatch", new NettyChannelHandler(dispatcher, handlers, clock));
                    }
                });
        try {
            serverChannel = bootstrap
                    .bind(config.bindHost(), config.port())
                    .syncUninterruptibly()
                    .channel();
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            close();
            throw cannotListen(config.bindHost(), config.port(), e);
        }
        LOG.atInfo()
                .addKeyValue("address", address())
                .addKeyValue(
                        "services",
                        config.services().stream().map(AwsService::signingName).collect(Collectors.joining(",")))
                .log("API server listening");
        return this;
    }

    /**
     * Fails now, with the message {@link #start()} would give, if {@code host:port} cannot be bound; lets a server
     * find a busy port before it starts anything else. Port 0 always passes.
     */
    public static void checkAvailable(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw cannotListen(host, port, e);
        }
    }

    private static IllegalStateException cannotListen(String host, int port, Exception e) {
        return new IllegalStateException(
                "could not listen on " + host + ":" + port + " (" + e.getMessage()
                        + "). Is another Gantry or service using it? Choose another port with --port or GANTRY_PORT.",
                e);
    }

    /**
     * Serves the same API on one more address (e.g. where tasks reach the host), until {@link #close()}; port 0
     * picks a free port. Returns the bound address. Throws {@link IllegalStateException} if binding fails.
     */
    public InetSocketAddress listenAlso(String host, int port) {
        ServerBootstrap b = bootstrap;
        if (b == null || closed.get()) {
            throw new IllegalStateException("ApiServer not started");
        }
        try {
            Channel channel = b.bind(host, port).syncUninterruptibly().channel();
            extraChannels.add(channel);
            LOG.atInfo().addKeyValue("address", channel.localAddress()).log("API server listening");
            return (InetSocketAddress) channel.localAddress();
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            throw cannotListen(host, port, e);
        }
    }

    /** The bound port (the real one when built with port 0). */
    public int port() {
        return address().getPort();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        Channel channel = serverChannel;
        if (channel == null) {
            throw new IllegalStateException("ApiServer not started");
        }
        return (InetSocketAddress) channel.localAddress();
    }

    /**
     * Stops accepting (the port is free when this returns), lets in-flight handlers finish for up to 10 s, then
     * closes connections and event loops. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Channel channel = serverChannel;
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        extraChannels.forEach(c -> c.close().syncUninterruptibly());
        handlers.shutdown();
        try {
            if (!handlers.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.atWarn().log("API handlers still running after drain timeout; interrupting them");
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            handlers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (EventLoopGroup group : new EventLoopGroup[] {workers, acceptors}) {
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        if (channel != null) {
            LOG.atInfo().addKeyValue("address", channel.localAddress()).log("API server stopped");
        }
    }
}
