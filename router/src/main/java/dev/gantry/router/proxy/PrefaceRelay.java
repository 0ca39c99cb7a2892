package dev.gantry.router.proxy;

import dev.gantry.router.net.Transport;
import dev.gantry.router.state.TargetSlot;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Takes over a client connection that opened with HTTP/2's cleartext preface ({@code PRI * HTTP/2.0}, h2c with
 * prior knowledge, as gRPC clients without TLS do): holds the bytes that follow while it connects to the target,
 * sends the preface and those bytes, then becomes a {@link Relay}. The whole connection goes to one target; its
 * streams are not routed one by one.
 */
final class PrefaceRelay extends ChannelInboundHandlerAdapter {
    private static final byte[] PREFACE_HEAD = "PRI * HTTP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
    private Channel target;
    private boolean closed;

    /** Connects {@code client} to {@code slot}; bytes read meanwhile wait here. */
    void connect(Channel client, TargetSlot slot, Duration connectTimeout, Duration idleTimeout) {
        ChannelFuture connect = relayTo(client, slot, connectTimeout);
        target = connect.channel();
        connect.addListener(f -> {
            if (!f.isSuccess() || closed || !client.isActive()) {
                client.close();
                target.close();
                return;
            }
            target.write(Unpooled.wrappedBuffer(PREFACE_HEAD));
            for (ByteBuf b = held.poll(); b != null; b = held.poll()) {
                target.write(b);
            }
            target.flush();
            client.pipeline().replace(this, "relay", new Relay(target));
            Relay.closeWhenIdle(client, idleTimeout);
            client.config().setAutoRead(true);
            target.config().setAutoRead(true);
        });
    }

    /**
     * A new connection to the target whose reads go to {@code client}, not reading until told to; closed with the
     * client, even if the client goes while it is still connecting.
     */
    static ChannelFuture relayTo(Channel client, TargetSlot slot, Duration connectTimeout) {
        ChannelFuture connect = new Bootstrap()
                .group(client.eventLoop())
                .channel(Transport.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new Relay(client))
                .connect(slot.address());
        slot.track(connect.channel());
        client.closeFuture()
                .addListener(
                        f -> { // also while connecting: the target connection must not outlive it
                            Channel target = connect.channel();
                            if (target.isActive()) {
                                Relay.closeOnFlush(target);
                            } else {
                                target.close();
                            }
                        });
        return connect;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && !closed) {
            held.add(bytes);
            ctx.channel().config().setAutoRead(false); // one read's worth is enough until the target is there
        } else {
            ReferenceCountUtil.release(msg); // the decoder's end-of-message marker for the preface
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        for (ByteBuf b = held.poll(); b != null; b = held.poll()) {
            b.release();
        }
    }
}
