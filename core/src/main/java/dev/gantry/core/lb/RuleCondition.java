package dev.gantry.core.lb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One condition of a listener rule: {@code field} is {@code path-pattern}, {@code host-header},
 * {@code http-header} (with {@code httpHeaderName}), {@code query-string} (key/value pairs, key optional),
 * {@code http-request-method} or {@code source-ip} (CIDRs). {@code values} holds the patterns, methods or CIDRs;
 * a condition matches when any value matches ({@code ?} and {@code *} wildcards where ELBv2 allows them).
 */
public record RuleCondition(
        String field, List<String> values, Optional<String> httpHeaderName, List<QueryStringPair> queryStrings) {
    public static final String PATH_PATTERN = "path-pattern";
    public static final String HOST_HEADER = "host-header";
    public static final String HTTP_HEADER = "http-header";
    public static final String QUERY_STRING = "query-string";
    public static final String HTTP_REQUEST_METHOD = "http-request-method";
    public static final String SOURCE_IP = "source-ip";
    public static final List<String> FIELDS =
            List.of(PATH_PATTERN, HOST_HEADER, HTTP_HEADER, QUERY_STRING, HTTP_REQUEST_METHOD, SOURCE_IP);

    public RuleCondition {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("unknown condition field " + field);
        }
        values = List.copyOf(values);
        Objects.requireNonNull(httpHeaderName, "httpHeaderName");
        queryStrings = List.copyOf(queryStrings);
    }

    /** How many values this condition counts against ALB's limit of 5 per rule. */
    public int valueCount() {
        return field.equals(QUERY_STRING) ? queryStrings.size() : values.size();
    }

    /** A {@code key=value} pair of a query-string condition; no key matches any key. */
    public record QueryStringPair(Optional<String> key, String value) {
        public QueryStringPair {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
