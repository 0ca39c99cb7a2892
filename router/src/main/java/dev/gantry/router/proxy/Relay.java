package dev.gantry.router.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Copies whatever one channel reads to its peer, with back-pressure (reading pauses while the peer cannot take
 * more) and half of a close: when one side goes, the other is flushed and closed. Used by TCP listeners and by HTTP
 * connections after a 101 (WebSocket, h2c upgrade). A relay silent both ways for the client idle timeout is closed
 * (ALB's idle timeout applies to WebSocket and NLB-like connections too), see {@link #closeWhenIdle}.
 */
final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel peer;

    Relay(Channel peer) {
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        peer.write(msg);
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closeOnFlush(peer);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
        closeOnFlush(peer);
    }

    /** Closes the relay (both sides) once {@code client} has carried no byte either way for {@code idle}. */
    static void closeWhenIdle(Channel client, Duration idle) {
        client.pipeline().addFirst("relay-idle", new IdleStateHandler(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close(); // channelInactive closes the peer
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    static void closeOnFlush(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
