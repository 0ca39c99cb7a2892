package dev.gantry.router.health;

import dev.gantry.router.net.Transport;
import dev.gantry.router.table.HealthCheck;
import dev.gantry.router.table.TargetProtocol;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one health check against one target without blocking: a TCP connect, or an HTTP {@code GET path} on a fresh
 * connection whose status the matcher judges (as ELB's checker does, {@code User-Agent: ELB-HealthChecker/2.0}).
 * The check's timeout bounds the whole probe. The result completes on the given event loop.
 */
public final class HealthProber {
    private static final String USER_AGENT = "ELB-HealthChecker/2.0";

    public Future<ProbeResult> probe(EventLoop loop, InetSocketAddress address, HealthCheck check) {
        Promise<ProbeResult> result = loop.newPromise();
        boolean http = check.protocol() == TargetProtocol.HTTP;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(Transport.channel())
                .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) check.timeout().toMillis() + 1000)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (http) {
                            ch.pipeline().addLast(new HttpClientCodec(), new StatusReader(result, check));
                        }
                    }
                });
        ChannelFuture connect = bootstrap.connect(address);
        Channel channel = connect.channel();
        ScheduledFuture<?> timer = loop.schedule(
                () -> {
                    result.trySuccess(ProbeResult.TIMEOUT);
                },
                check.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        result.addListener(f -> {
            timer.cancel(false);
            channel.close();
        });
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.trySuccess(ProbeResult.FAILURE);
            } else if (!http) {
                result.trySuccess(ProbeResult.PASS);
            } else {
                DefaultFullHttpRequest get =
                        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, check.path());
                get.headers()
                        .set(HttpHeaderNames.HOST, address.getAddress().getHostAddress() + ":" + address.getPort())
                        .set(HttpHeaderNames.USER_AGENT, USER_AGENT)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                channel.writeAndFlush(get);
            }
        });
        return result;
    }

    /** Completes the probe with the first response status it reads (or a failure if the target hangs up first). */
    private static final class StatusReader extends ChannelInboundHandlerAdapter {
        private final Promise<ProbeResult> result;
        private final HealthCheck check;

        StatusReader(Promise<ProbeResult> result, HealthCheck check) {
            this.result = result;
            this.check = check;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpResponse response) {
                    if (response.decoderResult().isFailure()) {
                        result.trySuccess(ProbeResult.FAILURE);
                    } else {
                        int status = response.status().code();
                        result.trySuccess(
                                check.matcher().matches(status)
                                        ? ProbeResult.passed(status)
                                        : ProbeResult.wrongStatus(status));
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.trySuccess(ProbeResult.FAILURE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.trySuccess(ProbeResult.FAILURE);
            ctx.close();
        }
    }
}
