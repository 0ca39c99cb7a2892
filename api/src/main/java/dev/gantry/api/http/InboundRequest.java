package dev.gantry.api.http;

import dev.gantry.api.auth.SignableRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fully received HTTP request, detached from the transport.
 *
 * @param method     e.g. {@code GET}
 * @param path       the raw (still percent-encoded) path, without the query
 * @param rawQuery   the raw query without {@code ?}; empty when absent
 * @param headers    header names lower-cased, values in arrival order
 * @param body       the body bytes; not copied, do not mutate
 * @param receivedAt when the server finished receiving it
 * @param sourceIp   the TCP peer's address ({@code aws:SourceIp}); empty when not known
 */
public record InboundRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        Instant receivedAt,
        String sourceIp) {

    public InboundRequest {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sourceIp, "sourceIp");
        SignableRequest normalized = new SignableRequest(method, path, rawQuery, headers, body);
        headers = normalized.headers();
    }

    /** A request whose peer is not known. */
    public InboundRequest(
            String method,
            String path,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            Instant receivedAt) {
        this(method, path, rawQuery, headers, body, receivedAt, "");
    }

    /** The first value of a header (case-insensitive name), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The view SigV4 verification needs. */
    public SignableRequest toSignable() {
        return new SignableRequest(method, path, rawQuery, headers, body);
    }
}
