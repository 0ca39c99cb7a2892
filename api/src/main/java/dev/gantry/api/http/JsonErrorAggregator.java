package dev.gantry.api.http;

import dev.gantry.core.error.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;
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

    /** With {@code Expect: 100-continue} and a declared length over the limit: the same JSON 413, not an empty one. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse r && r.status().code() == 413) {
            ReferenceCountUtil.release(response);
            HttpReply reply = ErrorReplies.of(ErrorCode.SERIALIZATION, 413, ErrorReplies.tooLarge(maxContentLength));
            FullHttpResponse json = NettyChannelHandler.toResponse(dispatcher.stamp(reply, dispatcher.newRequestId()));
            json.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return json;
        }
        return response;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpReply reply = ErrorReplies.of(ErrorCode.SERIALIZATION, 413, ErrorReplies.tooLarge(maxContentLength));
        NettyChannelHandler.write(ctx, dispatcher.stamp(reply, dispatcher.newRequestId()), true);
    }
}
