package dev.gantry.core.iam.policy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A condition's values parsed once, at policy parse time, for the typed operators: {@link BigDecimal} for
 * Numeric*, {@link Instant} for Date*, {@link Boolean} for Bool and Null, a read-only {@link ByteBuffer} for
 * BinaryEquals, {@link Cidr} for IpAddress/NotIpAddress. String* and Arn* operators keep their text (policy
 * variables are substituted per request) and have no typed values. The same bounded parsers read request values,
 * where a value that does not parse simply does not match.
 */
record TypedValues(List<Object> values) {
    static final TypedValues NONE = new TypedValues(List.of());
    private static final int MAX_DIGITS = 40;
    private static final int MAX_DATE_LENGTH = 64;

    TypedValues {
        values = List.copyOf(values);
    }

    /** @throws MalformedPolicyException naming the operator and the value when one does not parse */
    static TypedValues parse(ConditionOperator operator, String operatorName, List<String> raw) {
        if (operator.test().substitutesVariables()) {
            return NONE;
        }
        List<Object> out = new ArrayList<>(raw.size());
        for (String value : raw) {
            out.add(parse(operator.test(), value)
                    .orElseThrow(() -> new MalformedPolicyException(
                            PolicyMessages.INVALID_CONDITION_VALUE.formatted(operatorName, value))));
        }
        return new TypedValues(out);
    }

    static Optional<?> parse(ConditionOperator.Test test, String value) {
        return switch (test) {
            case NUMERIC_EQUALS,
                    NUMERIC_LESS_THAN,
                    NUMERIC_LESS_THAN_EQUALS,
                    NUMERIC_GREATER_THAN,
                    NUMERIC_GREATER_THAN_EQUALS -> number(value);
            case DATE_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS, DATE_GREATER_THAN, DATE_GREATER_THAN_EQUALS ->
                instant(value);
            case BOOL, NULL -> bool(value);
            case BINARY_EQUALS -> binary(value);
            case IP_ADDRESS -> Cidr.parse(value);
            case STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_LIKE, ARN_LIKE -> Optional.of(value);
        };
    }

    /** A plain decimal ({@code -12}, {@code 3.5}) of at most 40 digits; no exponent. */
    static Optional<BigDecimal> number(String raw) {
        String value = raw.strip();
        if (!value.matches("[+-]?\\d{1,40}(\\.\\d{1,40})?")
                || value.chars().filter(Character::isDigit).count() > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value));
    }

    /** ISO 8601 (date-time with offset or Z, date-time taken as UTC, or a date) or epoch seconds, bounded. */
    static Optional<Instant> instant(String raw) {
        String value = raw.strip();
        if (value.length() > MAX_DATE_LENGTH) {
            return Optional.empty();
        }
        try {
            if (value.matches("-?\\d{1,19}(\\.\\d{1,9})?")) {
                BigDecimal seconds = new BigDecimal(value);
                BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.DOWN);
                return Optional.of(Instant.ofEpochSecond(
                        whole.longValueExact(),
                        seconds.subtract(whole).movePointRight(9).intValueExact()));
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (ArithmeticException | DateTimeException notEpochOrOffset) {
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

    static Optional<Boolean> bool(String raw) {
        String value = raw.strip();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.valueOf(value.equalsIgnoreCase("true")));
        }
        return Optional.empty();
    }

    static Optional<ByteBuffer> binary(String raw) {
        try {
            return Optional.of(
                    ByteBuffer.wrap(Base64.getDecoder().decode(raw.strip())).asReadOnlyBuffer());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
