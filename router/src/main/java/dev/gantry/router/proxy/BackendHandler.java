package dev.gantry.router.proxy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/** The last handler of a target connection: hands what the target says to the exchange it serves. */
@ChannelHandler.Sharable
final class BackendHandler extends ChannelInboundHandlerAdapter {
    static final BackendHandler INSTANCE = new BackendHandler();

    private static Exchange exchange(ChannelHandlerContext ctx) {
        return ctx.channel().attr(BackendPool.EXCHANGE).get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange exchange = exchange(ctx);
        if (exchange == null) { // an idle connection should say nothing; one that does is not reusable
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        exchange.fromTarget(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Exchange exchange = exchange(ctx);
        if (exchange != null) {
            exchange.targetReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Exchange exchange = exchange(ctx);
        if (exchange != null) {
            exchange.targetWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange exchange = exchange(ctx);
        if (exchange != null) {
            exchange.targetClosed();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            Exchange exchange = exchange(ctx);
            if (exchange != null) {
                exchange.targetTimedOut();
            } else {
                ctx.close(); // idle in the pool for a whole target timeout
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // the exchange learns it from channelInactive
    }
}
