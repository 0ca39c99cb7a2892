package dev.gantry.router.proxy;

import dev.gantry.router.match.RequestFacts;
import dev.gantry.router.table.Action;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers the router gives itself: fixed responses, redirects, and ALB's error pages (502 when a target fails or
 * answers garbage, 503 when a group has no target, 504 when a target is silent too long, 400 for a request that is
 * not HTTP). They carry {@code Server: awselb/2.0} as ALB's own answers do.
 */
final class Replies {
    static final String SERVER = "awselb/2.0";

    private Replies() {}

    static FullHttpResponse error(HttpResponseStatus status, boolean keepAlive) {
        String code = status.code() + " " + status.reasonPhrase();
        String html = "<html>\r\n<head><title>" + code + "</title></head>\r\n<body>\r\n<center><h1>" + code
                + "</h1></center>\r\n</body>\r\n</html>\r\n";
        return response(status, "text/html", html, keepAlive);
    }

    static FullHttpResponse fixed(Action.FixedResponse fixed, boolean keepAlive) {
        return response(
                HttpResponseStatus.valueOf(fixed.statusCode()),
                fixed.contentType().orElse("text/plain; charset=utf-8"),
                fixed.body().orElse(""),
                keepAlive);
    }

    static FullHttpResponse redirect(Action.Redirect r, RequestFacts facts, String rawQuery, int port, boolean ka) {
        String protocol = fill(r.protocol().orElse("#{protocol}"), facts, rawQuery, port);
        String host = fill(r.host().orElse("#{host}"), facts, rawQuery, port);
        String toPort = fill(r.port().orElse("#{port}"), facts, rawQuery, port);
        String path = fill(r.path().orElse("/#{path}"), facts, rawQuery, port).replaceFirst("^//", "/");
        String query = fill(r.query().orElse("#{query}"), facts, rawQuery, port);
        String scheme = protocol.toLowerCase(Locale.ROOT);
        boolean defaultPort =
                ("http".equals(scheme) && "80".equals(toPort)) || ("https".equals(scheme) && "443".equals(toPort));
        String location =
                scheme + "://" + host + (defaultPort ? "" : ":" + toPort) + path + (query.isEmpty() ? "" : "?" + query);
        FullHttpResponse response = response(HttpResponseStatus.valueOf(r.statusCode()), "text/html", "", ka);
        response.headers().set(HttpHeaderNames.LOCATION, location);
        return response;
    }

    private static String fill(String template, RequestFacts facts, String rawQuery, int port) {
        return template.replace("#{protocol}", "HTTP")
                .replace("#{host}", facts.host())
                .replace("#{port}", Integer.toString(port))
                .replace("#{path}", facts.path().startsWith("/") ? facts.path().substring(1) : facts.path())
                .replace("#{query}", rawQuery);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, String body, boolean keepAlive) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.SERVER, SERVER)
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }
}
