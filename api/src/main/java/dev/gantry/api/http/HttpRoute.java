package dev.gantry.api.http;

import java.util.Objects;
import java.util.function.Function;

/**
 * An unsigned {@code GET} endpoint mounted under a path prefix (console pages, metadata endpoints, health).
 * The longest matching prefix wins; a prefix matches its own path and anything below it
 * ({@code /v4} matches {@code /v4} and {@code /v4/abc}, not {@code /v4x}).
 *
 * <p>Runs on a virtual thread, may block, and may throw {@link dev.gantry.core.error.ApiException} to reply with
 * an AWS-style JSON error.
 */
public interface HttpRoute {

    /** Absolute path prefix, starting with {@code /}. */
    String pathPrefix();

    HttpReply handle(InboundRequest request);

    /** A route from a prefix and a function. */
    static HttpRoute of(String pathPrefix, Function<InboundRequest, HttpReply> handler) {
        Objects.requireNonNull(handler, "handler");
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("route prefix must start with '/': " + pathPrefix);
        }
        return new HttpRoute() {
            @Override
            public String pathPrefix() {
                return pathPrefix;
            }

            @Override
            public HttpReply handle(InboundRequest request) {
                return handler.apply(request);
            }
        };
    }

    /** Whether this route serves {@code path}. */
    default boolean matches(String path) {
        String prefix = pathPrefix();
        return path.equals(prefix) || prefix.endsWith("/") && path.startsWith(prefix) || path.startsWith(prefix + "/");
    }
}
