package dev.gantry.router.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The headers ALB adds and removes on the way through: X-Forwarded-For (the client's address appended to all
 * the X-Forwarded-For lines it sent, joined into one),
 * X-Forwarded-Proto, X-Forwarded-Port, X-Amzn-Trace-Id ({@code Root=1-<epoch seconds, 8 hex>-<24 hex>}, kept when the
 * client sent one); hop-by-hop headers (Connection and what it names, Keep-Alive, Proxy-Connection) are dropped,
 * except the Upgrade handshake of a WebSocket or h2c upgrade (with its HTTP2-Settings). What {@code Connection} names
 * never removes the message's framing (Content-Length, Transfer-Encoding), Host, or the headers the router sets
 * itself: a client could otherwise make the target read its body as a second request. The framing sent on is the
 * one the router's decoder used for the message (chunked, or one Content-Length, or none), not the peer's text.
 */
final class ForwardHeaders {
    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_PORT = AsciiString.cached("x-forwarded-port");
    static final AsciiString X_AMZN_TRACE_ID = AsciiString.cached("x-amzn-trace-id");
    private static final AsciiString HTTP2_SETTINGS = AsciiString.cached("http2-settings");
    private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
    /** Headers that {@code Connection} may name but that are never dropped because of it. */
    private static final Set<AsciiString> NEVER_HOP_BY_HOP = Set.of(
            AsciiString.cached("content-length"),
            AsciiString.cached("transfer-encoding"),
            AsciiString.cached("host"),
            X_FORWARDED_FOR,
            X_FORWARDED_PROTO,
            X_FORWARDED_PORT,
            X_AMZN_TRACE_ID);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ForwardHeaders() {}

    /** True when the client asks to switch protocols (Connection: upgrade plus an Upgrade header). */
    static boolean isUpgrade(HttpRequest request) {
        HttpHeaders h = request.headers();
        return h.contains(HttpHeaderNames.UPGRADE)
                && h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    /**
     * Rewrites a client request, in place, into what the target receives (HTTP/1.1, with {@code defaultHost} as its
     * Host when the client sent none, as an HTTP/1.0 client may).
     */
    static void toTarget(
            HttpRequest request,
            String clientIp,
            String defaultHost,
            int listenerPort,
            boolean upgrade,
            InstantSource clock) {
        HttpHeaders h = request.headers();
        String upgradeTo = upgrade ? h.get(HttpHeaderNames.UPGRADE) : null;
        String http2Settings = upgrade ? h.get(HTTP2_SETTINGS) : null;
        stripHopByHop(h);
        reframe(request);
        if (upgradeTo != null) {
            h.set(HttpHeaderNames.CONNECTION, http2Settings == null ? "Upgrade" : "Upgrade, HTTP2-Settings");
            h.set(HttpHeaderNames.UPGRADE, upgradeTo);
            if (http2Settings != null) { // an h2c upgrade needs it to reach the target
                h.set(HTTP2_SETTINGS, http2Settings);
            }
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        if (!h.contains(HttpHeaderNames.HOST)) {
            h.set(HttpHeaderNames.HOST, defaultHost);
        }
        String xff = String.join(", ", h.getAll(X_FORWARDED_FOR)); // every line the client sent, in order
        h.set(X_FORWARDED_FOR, xff.isBlank() ? clientIp : xff + ", " + clientIp);
        h.set(X_FORWARDED_PROTO, "http");
        h.set(X_FORWARDED_PORT, Integer.toString(listenerPort));
        if (!h.contains(X_AMZN_TRACE_ID)) {
            h.set(X_AMZN_TRACE_ID, traceId(clock.instant().getEpochSecond()));
        }
    }

    /** Rewrites a target's response, in place, for the client. */
    static void toClient(HttpResponse response, boolean upgrade) {
        HttpHeaders h = response.headers();
        String upgradeTo = upgrade ? h.get(HttpHeaderNames.UPGRADE) : null;
        stripHopByHop(h);
        reframe(response);
        if (upgradeTo != null) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            h.set(HttpHeaderNames.UPGRADE, upgradeTo);
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    static String traceId(long epochSeconds) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(40).append("Root=1-");
        hex(sb, epochSeconds & 0xFFFFFFFFL, 8);
        sb.append('-');
        hex(sb, random.nextLong() & 0xFFFFFFFFFFFFL, 12);
        hex(sb, random.nextLong() & 0xFFFFFFFFFFFFL, 12);
        return sb.toString();
    }

    private static void hex(StringBuilder sb, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) ((value >>> (i * 4)) & 0xF)]);
        }
    }

    /**
     * Leaves exactly the framing Netty's decoder used: chunked (Transfer-Encoding: chunked only, no Content-Length;
     * the encoder re-chunks the decoded pieces), else one Content-Length, else neither.
     */
    private static void reframe(HttpMessage message) {
        HttpHeaders h = message.headers();
        if (HttpUtil.isTransferEncodingChunked(message)) {
            h.remove(HttpHeaderNames.CONTENT_LENGTH);
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            return;
        }
        h.remove(HttpHeaderNames.TRANSFER_ENCODING);
        long length = HttpUtil.getContentLength(message, -1L);
        if (length >= 0) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
    }

    private static void stripHopByHop(HttpHeaders h) {
        List<String> named = h.getAll(HttpHeaderNames.CONNECTION);
        for (String value : named) {
            for (String token : value.split(",")) {
                AsciiString t = new AsciiString(token.strip()).toLowerCase();
                if (!t.isEmpty() && !NEVER_HOP_BY_HOP.contains(t)) {
                    h.remove(t);
                }
            }
        }
        h.remove(HttpHeaderNames.CONNECTION);
        h.remove(HttpHeaderNames.KEEP_ALIVE);
        h.remove(PROXY_CONNECTION);
        h.remove(HttpHeaderNames.UPGRADE);
    }
}
