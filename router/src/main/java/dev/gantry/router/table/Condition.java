package dev.gantry.router.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One condition of a rule, as ALB has them. A rule matches when all its conditions do; a condition matches when any
 * of its values does. Values of path, host, header and query conditions may use {@code *} and {@code ?}.
 */
public sealed interface Condition {

    /** The values this condition accepts (never empty). */
    List<String> values();

    /** The request path (case-sensitive), without the query string. */
    record PathPattern(List<String> values) implements Condition {
        public PathPattern {
            values = checked(values, "path-pattern");
        }
    }

    /** The Host header without its port (case-insensitive). */
    record HostHeader(List<String> values) implements Condition {
        public HostHeader {
            values = checked(values, "host-header");
        }
    }

    /** A header's value (name and value case-insensitive). */
    record HttpHeader(String name, List<String> values) implements Condition {
        public HttpHeader {
            Objects.requireNonNull(name, "name");
            values = checked(values, "http-header");
        }
    }

    /** The request method, exact and case-sensitive (GET, POST, ...). */
    record HttpRequestMethod(List<String> values) implements Condition {
        public HttpRequestMethod {
            values = checked(values, "http-request-method");
        }
    }

    /** The client's address within one of these CIDR blocks (IPv4 or IPv6). */
    record SourceIp(List<String> values) implements Condition {
        public SourceIp {
            values = checked(values, "source-ip");
        }
    }

    /** A query parameter; an absent key matches any parameter with the value (case-insensitive). */
    record QueryString(List<KeyValue> pairs) implements Condition {
        public QueryString {
            pairs = List.copyOf(pairs);
            if (pairs.isEmpty()) {
                throw new IllegalArgumentException("a query-string condition needs at least one key/value pair");
            }
        }

        @Override
        public List<String> values() {
            return pairs.stream().map(KeyValue::toString).toList();
        }
    }

    /** A query-string pair. */
    record KeyValue(Optional<String> key, String value) {
        public KeyValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return key.map(k -> k + "=").orElse("") + value;
        }
    }

    private static List<String> checked(List<String> values, String type) {
        List<String> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " condition needs at least one value");
        }
        return copy;
    }
}
