package dev.gantry.api.http;

import dev.gantry.core.error.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Netty's aggregator, but an oversized body is answered with 413 and an AWS-style JSON
 * {@code SerializationException} (instead of an empty 413), then the connection is closed: the rest of the body
 * is still on the wire and cannot be skipped reliably.
 */
final class JsonErrorAggregator extends HttpObjectAggregator {

    private final int maxContentLength;
    private final Dispatcher dispatcher;

    JsonErrorAggregator(int maxContentLength, Dispatcher dispatcher) {
        super(maxContentLength);
        this.maxContentLength = maxContentLength;
        this.dispatcher = dispatcher;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpReply reply = ErrorReplies.of(ErrorCode.SERIALIZATION, 413, ErrorReplies.tooLarge(maxContentLength));
        NettyChannelHandler.write(ctx, dispatcher.stamp(reply, dispatcher.newRequestId()), true);
    }
}
