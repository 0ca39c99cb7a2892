package dev.gantry.api.http;

import dev.gantry.core.error.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's aggregator, but an oversized body is answered with 413 and an AWS-style error (instead of an empty 413):
 * JSON {@code SerializationException}, or Query XML for a form-encoded request ({@link EdgeReplies}). A kept-alive request with a declared length of up to
 * {@link #MAX_DRAINED_BYTES} keeps its connection: the aggregator reads and discards the rest of the body, so the
 * client, still sending, is never reset before it reads the 413 (closing at once made the reply race the reset).
 * Anything else (chunked, larger, or Connection: close) is answered with {@code Connection: close} and then
 * {@link Linger lingers}: the rest of the body is read and discarded (within limits) before the connection closes,
 * so the client can read the 413 instead of a reset.
 */
final class JsonErrorAggregator extends HttpObjectAggregator {

    static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

    private final int maxContentLength;
    private final Dispatcher dispatcher;

    JsonErrorAggregator(int maxContentLength, Dispatcher dispatcher) {
        super(maxContentLength);
        this.maxContentLength = maxContentLength;
        this.dispatcher = dispatcher;
    }

    /** With {@code Expect: 100-continue} and a declared length over the limit: the same 413, not an empty one. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse r && r.status().code() == 413) {
            ReferenceCountUtil.release(response);
            HttpReply reply = EdgeReplies.reply(
                    dispatcher, start.headers(), ErrorCode.SERIALIZATION, 413, ErrorReplies.tooLarge(maxContentLength));
            FullHttpResponse tooLarge = NettyChannelHandler.toResponse(reply);
            tooLarge.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return tooLarge;
        }
        return response;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpReply reply = EdgeReplies.reply(
                dispatcher, oversized.headers(), ErrorCode.SERIALIZATION, 413, ErrorReplies.tooLarge(maxContentLength));
        long declared = HttpUtil.getContentLength(oversized, -1L);
        boolean drain = !(oversized instanceof FullHttpMessage)
                && HttpUtil.isKeepAlive(oversized)
                && declared >= 0
                && declared <= MAX_DRAINED_BYTES;
        if (drain) {
            NettyChannelHandler.write(ctx, reply, false);
            return;
        }
        // Connection: close, written past the keep-alive handler (which would close at once), then a lingering close
        FullHttpResponse response = NettyChannelHandler.toResponse(reply);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.pipeline().context(ApiServer.KEEP_ALIVE).writeAndFlush(response).addListener(written -> {
            if (written.isSuccess()) {
                Linger.start(ctx, ApiServer.CODEC);
            } else {
                ctx.close();
            }
        });
    }
}
