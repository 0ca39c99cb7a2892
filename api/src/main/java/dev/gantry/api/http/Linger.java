package dev.gantry.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lingering close, as web servers do after refusing a body: the answer has been sent, the write side is shut
 * (the client sees the end of the answer), and whatever the client still sends is read and thrown away until it
 * closes, {@link #MAX_BYTES} have been discarded, {@link #MAX_TIME} has passed, or the read timeout fires. Closing
 * at once would make the kernel answer the still-arriving body with a reset, which destroys the unread answer on
 * the client's side: a 20 MB upload saw "connection reset" instead of its 413.
 */
final class Linger extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Linger.class);
    static final long MAX_BYTES = 256L * 1024 * 1024;
    static final Duration MAX_TIME = Duration.ofSeconds(30);

    private long discarded;

    /** Shuts the write side of the connection and discards what arrives from now on, before the HTTP codec sees it. */
    static void start(ChannelHandlerContext ctx, String beforeHandler) {
        if (!ctx.channel().isActive() || ctx.pipeline().get(Linger.class) != null) {
            return;
        }
        ctx.pipeline().addBefore(beforeHandler, "linger", new Linger());
        ctx.channel().config().setAutoRead(true); // even if pipelined requests had paused reading: drain, then close
        if (ctx.channel() instanceof DuplexChannel duplex) {
            duplex.shutdownOutput();
        }
        ctx.executor().schedule(() -> ctx.channel().close(), MAX_TIME.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes) {
            discarded += bytes.readableBytes();
        }
        ReferenceCountUtil.release(msg);
        if (discarded > MAX_BYTES) {
            LOG.atDebug()
                    .addKeyValue("remote", ctx.channel().remoteAddress())
                    .addKeyValue("bytes", discarded)
                    .log("client kept sending after its refusal; closing");
            ctx.close();
        }
    }
}
