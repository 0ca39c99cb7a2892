package dev.gantry.router.proxy;

import dev.gantry.router.state.GroupState;
import dev.gantry.router.state.TargetSlot;
import io.netty.channel.Channel;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request forwarded to one target, on the client connection's event loop: takes a target connection, streams
 * the request to it and the response back (each side's reading pauses while the other cannot take more), and ends
 * by returning the connection to the pool, or failing ALB's way: 504 when the connect times out, 502 when the target
 * refuses it or hangs up
 * or answers garbage before a response, 504 when the connection is silent both ways longer than the target timeout
 * (the target connection's idle handler). The target connection goes back to the pool only if the target kept it
 * alive (not {@code Connection: close}, not a plain HTTP/1.0 answer), whatever the client asked for itself. A request
 * sent on
 * a pooled connection that the target had just closed is sent once more on a new one if no body byte went out.
 * With the group's {@link dev.gantry.router.table.Resilience} (Service Connect's groups): a failed connect is tried
 * again on another target, up to its retries; a 5xx or failed connect counts towards the target's outlier
 * ejection; the group's request timeout answers 504 when the response has not ended in time. Every exchange is
 * counted in the group's {@link dev.gantry.router.state.GroupMetrics}.
 */
final class Exchange {
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);
    private static final String IDEMPOTENCY_KEY = "idempotency-key";

    private final HttpFrontHandler front;
    private final Channel client;
    private final BackendPool pool;
    private final HttpRequest request;
    private final GroupState group;
    private TargetSlot slot;
    private final boolean keepAlive;
    private final boolean upgrade;
    private final ArrayDeque<HttpContent> pending = new ArrayDeque<>(2);
    private Channel target;
    private boolean requestDone;
    private boolean responseStarted;
    private boolean informational;
    private boolean upgraded;
    private boolean finished;
    private boolean bodySent;
    private boolean retried;
    private boolean needFlush;
    private boolean targetKeepAlive;
    private boolean brokenRequest;
    private final boolean clientHttp10;
    private boolean unframed;
    private final long startedAt = System.nanoTime();
    private int connectRetries;
    private ScheduledFuture<?> deadline;

    Exchange(
            HttpFrontHandler front,
            Channel client,
            BackendPool pool,
            ProxySettings settings,
            HttpRequest request,
            GroupState group,
            TargetSlot slot,
            boolean keepAlive,
            boolean upgrade,
            boolean clientHttp10) {
        this.front = front;
        this.client = client;
        this.pool = pool;
        this.request = request;
        this.group = group;
        this.slot = slot;
        this.keepAlive = keepAlive;
        this.upgrade = upgrade;
        this.clientHttp10 = clientHttp10;
    }

    /**
     * Whether the client connection stays open after this exchange: not after a request body it garbled, nor after
     * a body sent to an HTTP/1.0 client without a length (it ends where the connection does).
     */
    boolean keepAlive() {
        return keepAlive && !brokenRequest && !unframed;
    }

    boolean requestDone() {
        return requestDone;
    }

    /** Connected to the target and not finished: the client's body can flow. */
    boolean connected() {
        return target != null && !finished;
    }

    void start() {
        group.metrics().request();
        Duration limit = group.resilience().requestTimeout();
        if (!limit.isZero()) {
            deadline = client.eventLoop().schedule(this::targetTimedOut, limit.toNanos(), TimeUnit.NANOSECONDS);
        }
        acquire(false);
    }

    private void acquire(boolean fresh) {
        Future<Channel> connecting = pool.acquire(slot, client.eventLoop(), fresh || upgrade);
        if (connecting.isDone()) {
            connected(connecting, true);
        } else {
            client.config().setAutoRead(false);
            connecting.addListener(f -> connected(connecting, false));
        }
    }

    private void connected(Future<Channel> connecting, boolean sameCall) {
        if (finished) {
            if (connecting.isSuccess()) {
                pool.release(connecting.getNow(), slot);
            }
            return;
        }
        if (!connecting.isSuccess()) { // ALB: a target that does not answer the connect in time is 504, a refusal 502
            group.metrics().connectFailure();
            group.failed(slot);
            TargetSlot other = connectRetries < group.resilience().connectRetries() ? group.pickOther(slot) : null;
            if (other != null) { // nothing was sent: any request may go to another target
                connectRetries++;
                group.metrics().retry();
                slot = other;
                acquire(true);
                return;
            }
            fail(
                    connecting.cause() instanceof ConnectTimeoutException
                            ? HttpResponseStatus.GATEWAY_TIMEOUT
                            : HttpResponseStatus.BAD_GATEWAY);
            return;
        }
        target = connecting.getNow();
        target.attr(BackendPool.EXCHANGE).set(this);
        target.write(request);
        for (HttpContent c = pending.poll(); c != null; c = pending.poll()) {
            send(c);
        }
        if (sameCall) {
            needFlush = true;
        } else {
            target.flush();
            client.config().setAutoRead(!requestDone);
        }
    }

    /** A piece of the request body from the client. */
    void fromClient(HttpContent content) {
        if (content.decoderResult().isFailure()) { // a broken chunk: the target must not get a shorter "whole" body
            content.release();
            requestDone = true;
            brokenRequest = true;
            fail(HttpResponseStatus.BAD_REQUEST);
            return;
        }
        if (content instanceof LastHttpContent) {
            requestDone = true;
        }
        if (finished) {
            content.release();
        } else if (target == null) {
            pending.add(content);
        } else {
            send(content);
            needFlush = true;
        }
    }

    private void send(HttpContent content) {
        if (content.content().isReadable()) {
            bodySent = true;
        }
        target.write(content);
        if (!target.isWritable()) {
            client.config().setAutoRead(false);
        }
    }

    void clientReadComplete() {
        if (needFlush && target != null) {
            needFlush = false;
            target.flush();
        }
    }

    void clientWritabilityChanged() {
        if (client.isWritable() && target != null) {
            target.config().setAutoRead(true);
        }
    }

    void targetWritabilityChanged() {
        if (target.isWritable() && !requestDone) {
            client.config().setAutoRead(true);
        }
    }

    /** What the target said: a response head, a piece of body, or (after a 101) raw bytes. */
    void fromTarget(Object msg) {
        if (finished) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpResponse r) {
            if (r.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                fail(HttpResponseStatus.BAD_GATEWAY);
                return;
            }
            int code = r.status().code();
            if (code >= 100 && code < 200 && code != 101) {
                informational = true; // 100 Continue and friends: pass on, the real response follows
                if (clientHttp10) { // HTTP/1.0 has no 1xx: skip it
                    ReferenceCountUtil.release(r);
                    return;
                }
                ForwardHeaders.toClient(r, false);
                client.write(r);
                return;
            }
            group.metrics().response(code, System.nanoTime() - startedAt);
            if (code >= 500) {
                group.failed(slot);
            } else {
                group.succeeded(slot);
            }
            targetKeepAlive = HttpUtil.isKeepAlive(r); // the target's say (Connection, HTTP/1.0), before the rewrite
            responseStarted = true;
            upgraded = upgrade && code == 101;
            ForwardHeaders.toClient(r, upgraded);
            if (!upgraded) {
                if (!HttpUtil.isContentLengthSet(r) && bodyAllowed(code)) {
                    if (clientHttp10) { // no chunked in HTTP/1.0: the body goes as it is and ends with the connection
                        r.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                        unframed = true;
                    } else {
                        HttpUtil.setTransferEncodingChunked(r, true);
                    }
                }
                if (clientHttp10) {
                    r.headers().set(HttpHeaderNames.CONNECTION, keepAlive() ? "keep-alive" : "close");
                } else {
                    HttpUtil.setKeepAlive(r, keepAlive());
                }
            }
            client.write(r);
        }
        if (msg instanceof HttpContent c) {
            if (c.decoderResult().isFailure()) {
                c.release();
                fail(HttpResponseStatus.BAD_GATEWAY);
            } else if (informational) {
                informational = !(c instanceof LastHttpContent);
                if (clientHttp10) {
                    c.release();
                } else {
                    client.write(c);
                }
            } else if (upgraded) {
                c.release();
                if (c instanceof LastHttpContent) {
                    switchToRelay();
                }
            } else {
                client.write(c);
                if (!client.isWritable()) {
                    target.config().setAutoRead(false);
                }
                if (c instanceof LastHttpContent) {
                    client.flush();
                    complete();
                }
            }
        } else if (!(msg instanceof HttpResponse)) {
            client.write(msg); // raw bytes after a 101, still in the codec's hands
        }
    }

    private boolean bodyAllowed(int code) {
        return !HttpMethod.HEAD.equals(request.method()) && code != 204 && code != 304 && code >= 200;
    }

    void targetReadComplete() {
        client.flush();
    }

    void targetClosed() {
        if (finished) {
            return;
        }
        boolean reused = Boolean.TRUE.equals(target.attr(BackendPool.REUSED).get());
        target.attr(BackendPool.EXCHANGE).set(null);
        TargetSlot again = slot.accepting() ? slot : group.pick(); // never a draining target
        if (reused && !responseStarted && !brokenRequest && !bodySent && !retried && idempotent() && again != null) {
            retried = true; // the target closed a kept-alive connection as we reused it: once more, fresh
            target = null;
            slot = again;
            if (requestDone) {
                pending.add(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            acquire(true);
            clientReadComplete(); // not inside a client read: flush if the new connection was there at once
            return;
        }
        fail(HttpResponseStatus.BAD_GATEWAY);
    }

    private boolean idempotent() {
        return IDEMPOTENT.contains(request.method()) || request.headers().contains(IDEMPOTENCY_KEY);
    }

    void targetTimedOut() {
        fail(HttpResponseStatus.GATEWAY_TIMEOUT);
    }

    private void complete() {
        finished = true;
        cancelDeadline();
        if (requestDone && targetKeepAlive) { // the client's own Connection: close is no reason to drop this one
            pool.release(target, slot);
        } else {
            target.attr(BackendPool.EXCHANGE).set(null);
            target.close();
        }
        front.exchangeDone(this);
    }

    private void switchToRelay() {
        finished = true;
        target.attr(BackendPool.EXCHANGE).set(null);
        client.flush();
        front.upgraded(target);
    }

    private void fail(HttpResponseStatus status) {
        if (finished) {
            return;
        }
        finished = true;
        cancelDeadline();
        if (!responseStarted) {
            group.metrics().response(status.code(), System.nanoTime() - startedAt);
        }
        releasePending();
        if (target != null) {
            target.attr(BackendPool.EXCHANGE).set(null);
            target.close();
        }
        front.exchangeFailed(this, responseStarted ? null : status);
    }

    /** The client went away: drop everything, the target connection cannot be reused. */
    void clientClosed() {
        if (finished) {
            return;
        }
        finished = true;
        cancelDeadline();
        releasePending();
        if (target != null) {
            target.attr(BackendPool.EXCHANGE).set(null);
            target.close();
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void releasePending() {
        for (HttpContent c = pending.poll(); c != null; c = pending.poll()) {
            c.release();
        }
    }
}
