package dev.gantry.api.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an HTTP request that SigV4 covers, exactly as received.
 *
 * @param method   the request method, e.g. {@code POST}
 * @param rawPath  the path as sent on the wire, still percent-encoded, without the query
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param headers  every received header; names are lower-cased here and values kept in arrival order
 * @param body     the request body; not copied, so callers must not mutate it afterwards
 */
public record SignableRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public SignableRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(body, "body");
        headers = lowerCaseNames(headers);
    }

    /** The first value of a header (case-insensitive name), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        headers.forEach((name, values) -> merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        merged.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(frozen);
    }
}
