package dev.gantry.api.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete HTTP response, detached from the transport. {@code Content-Type} and {@code Content-Length} come
 * from {@link #contentType()} and {@link #body()}; {@link #headers()} holds any others.
 *
 * @param body not copied, do not mutate
 */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public HttpReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A UTF-8 {@code text/plain} reply. */
    public static HttpReply text(int status, String text) {
        return new HttpReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A reply with the given content type and bytes and no extra headers. */
    public static HttpReply of(int status, String contentType, byte[] body) {
        return new HttpReply(status, contentType, body, Map.of());
    }

    /** This reply with one more header (replacing any header of the same name). */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more);
    }
}
