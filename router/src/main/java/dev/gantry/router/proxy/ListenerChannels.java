package dev.gantry.router.proxy;

import dev.gantry.router.net.Transport;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.ListenerProtocol;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Opens a listener's socket and composes its pipeline, in one visible place. HTTP:
 * {@code idle (ALB's idle timeout: nothing from the client; reads only, so writes cost no listener) → codec
 * (HTTP/1.1) → front (rules, forwarding)}. TCP: {@code front (pick a
 * target, then relay)}, with reading off until the target connection is up.
 */
public final class ListenerChannels {
    static final String IDLE = "idle";
    static final String CODEC = "codec";

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final ProxySettings settings;
    private final BackendPool pool;

    public ListenerChannels(EventLoopGroup acceptors, EventLoopGroup workers, ProxySettings settings) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.settings = settings;
        this.pool = new BackendPool(settings);
    }

    /** Binds the listener's address and port; the returned channel is the listening socket. Blocks the caller. */
    public Channel bind(Listener listener) throws Exception {
        long idle = settings.clientIdleTimeout().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, listener.protocol() == ListenerProtocol.HTTP)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (listener.protocol() == ListenerProtocol.TCP) {
                            ch.pipeline().addLast("front", new TcpFrontHandler(settings, listener.id()));
                            return;
                        }
                        int port = ((InetSocketAddress) ch.localAddress()).getPort();
                        ch.pipeline()
                                .addLast(IDLE, new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast(CODEC, new HttpServerCodec(8192, 16384, 16384))
                                .addLast("front", new HttpFrontHandler(settings, pool, listener.id(), port));
                    }
                });
        return bootstrap.bind(listener.bindAddress(), listener.port()).sync().channel();
    }
}
