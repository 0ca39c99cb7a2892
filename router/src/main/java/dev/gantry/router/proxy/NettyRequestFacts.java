package dev.gantry.router.proxy;

import dev.gantry.router.match.RequestFacts;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/** A Netty request seen as {@link RequestFacts}; the query is decoded only if a condition asks for it. */
final class NettyRequestFacts implements RequestFacts {
    private final HttpRequest request;
    private final InetAddress source;
    private QueryStringDecoder decoded;

    NettyRequestFacts(HttpRequest request, InetAddress source) {
        this.request = request;
        this.source = source;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String path() {
        String uri = request.uri();
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    @Override
    public String host() {
        return hostWithoutPort(request.headers().get(HttpHeaderNames.HOST, ""));
    }

    static String hostWithoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    @Override
    public List<String> header(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public Map<String, List<String>> query() {
        if (decoded == null) {
            decoded = new QueryStringDecoder(request.uri());
        }
        return decoded.parameters();
    }

    @Override
    public InetAddress source() {
        return source;
    }
}
