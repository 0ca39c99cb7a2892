package dev.gantry.core.iam.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The positive test of each condition operator on one (policy value, request value) pair. A value that does not
 * parse as the operator's type (a number, a date, an IP address) makes the pair not match.
 */
final class ConditionTests {
    private ConditionTests() {}

    static boolean test(ConditionOperator.Test test, GlobPattern policy, String request) {
        String want = policy.text();
        return switch (test) {
            case STRING_EQUALS -> want.equals(request);
            case STRING_EQUALS_IGNORE_CASE -> want.equalsIgnoreCase(request);
            case STRING_LIKE -> Glob.matches(policy, request, Glob.Mode.STRING);
            case ARN_LIKE -> Glob.matches(policy, request, Glob.Mode.RESOURCE);
            case NUMERIC_EQUALS ->
                compareNumbers(want, request).map(c -> c == 0).orElse(false);
            case NUMERIC_LESS_THAN ->
                compareNumbers(want, request).map(c -> c < 0).orElse(false);
            case NUMERIC_LESS_THAN_EQUALS ->
                compareNumbers(want, request).map(c -> c <= 0).orElse(false);
            case NUMERIC_GREATER_THAN ->
                compareNumbers(want, request).map(c -> c > 0).orElse(false);
            case NUMERIC_GREATER_THAN_EQUALS ->
                compareNumbers(want, request).map(c -> c >= 0).orElse(false);
            case DATE_EQUALS -> compareDates(want, request).map(c -> c == 0).orElse(false);
            case DATE_LESS_THAN -> compareDates(want, request).map(c -> c < 0).orElse(false);
            case DATE_LESS_THAN_EQUALS ->
                compareDates(want, request).map(c -> c <= 0).orElse(false);
            case DATE_GREATER_THAN ->
                compareDates(want, request).map(c -> c > 0).orElse(false);
            case DATE_GREATER_THAN_EQUALS ->
                compareDates(want, request).map(c -> c >= 0).orElse(false);
            case BOOL -> isBoolean(want) && want.equalsIgnoreCase(request.strip());
            case BINARY_EQUALS -> binaryEquals(want, request);
            case IP_ADDRESS ->
                Cidr.parse(want).map(cidr -> cidr.contains(request)).orElse(false);
            case NULL -> throw new IllegalArgumentException("Null is decided on the key's presence");
        };
    }

    /** request compared with policy: negative when the request's value is less than the policy's. */
    private static Optional<Integer> compareNumbers(String policy, String request) {
        try {
            return Optional.of(new BigDecimal(request.strip()).compareTo(new BigDecimal(policy.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> compareDates(String policy, String request) {
        Optional<Instant> want = instant(policy);
        Optional<Instant> got = instant(request);
        if (want.isEmpty() || got.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(got.get().compareTo(want.get()));
    }

    /** ISO 8601 (date-time with offset or Z, date-time taken as UTC, or a date) or epoch seconds. */
    static Optional<Instant> instant(String raw) {
        String value = raw.strip();
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            try {
                BigDecimal seconds = new BigDecimal(value);
                return Optional.of(Instant.ofEpochSecond(
                        seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue()));
            } catch (ArithmeticException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }

    private static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    private static boolean binaryEquals(String policy, String request) {
        try {
            Base64.Decoder decoder = Base64.getDecoder();
            return Arrays.equals(decoder.decode(policy.strip()), decoder.decode(request.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
