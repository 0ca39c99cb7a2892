package dev.gantry.api.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that stops arriving: once any byte of a request (head or body) has come in, the connection may
 * go no longer than the read timeout without another one; then it gets 400 RequestTimeout (AWS's wording) and is
 * closed (in Query XML if the head read so far is a Query request's, {@link EdgeReplies}). Kept-alive connections idle between requests, and requests a handler is still answering, are left alone.
 *
 * <p>Three pieces in the pipeline share one state (all on the connection's event loop): Netty's
 * {@link io.netty.handler.timeout.IdleStateHandler} at the head says when nothing was read for the timeout;
 * {@link #bytesSeen()}, before the HTTP codec, notes that a request has started; {@link #progress()}, after the
 * codec, notes when it ended, counts responses written, and acts on the idle event.
 */
final class RequestReadTimeout {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReadTimeout.class);

    private final Dispatcher dispatcher;
    private boolean underway; // bytes of a request arrived and its last content has not
    private long requestsRead;
    private long responsesWritten; // final (>= 200) responses only
    private boolean interim; // the response being written is a 1xx
    private HttpHeaders head = EmptyHttpHeaders.INSTANCE; // of the request under way, once its head is read

    RequestReadTimeout(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Goes before the codec: any bytes mean a request is under way until the codec sees its end. */
    ChannelInboundHandlerAdapter bytesSeen() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                underway = true;
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** Goes right after the codec, so it sees every decoded request part and every response written. */
    ChannelDuplexHandler progress() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest request) {
                    head = request.headers();
                }
                if (msg instanceof LastHttpContent) {
                    underway = false;
                    requestsRead++;
                    head = EmptyHttpHeaders.INSTANCE;
                }
                ctx.fireChannelRead(msg);
            }

            /** Counts final responses only: an interim {@code 100 Continue} does not answer the request. */
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse response) {
                    interim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                }
                if (msg instanceof LastHttpContent && !interim) {
                    responsesWritten++;
                }
                ctx.write(msg, promise);
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                if (evt instanceof IdleStateEvent) {
                    timedOut(ctx);
                } else {
                    ctx.fireUserEventTriggered(evt);
                }
            }
        };
    }

    private void timedOut(ChannelHandlerContext ctx) {
        if (!underway || responsesWritten < requestsRead) {
            return; // idle between requests, or a handler is still answering an earlier one: not the client's fault
        }
        if (responsesWritten > requestsRead) { // answered early (413) and still reading the body, which stopped
            ctx.close();
            return;
        }
        LOG.atDebug().addKeyValue("remote", ctx.channel().remoteAddress()).log("request stopped arriving; timed out");
        NettyChannelHandler.write(ctx, LimitReplies.requestTimeout(dispatcher, head), true);
    }
}
