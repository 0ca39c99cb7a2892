package dev.gantry.core.iam.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * IAM's condition operators. Each is a positive test ({@link Test}) on a (policy value, request value) pair, or
 * its negation: a negated operator holds when no policy value passes the positive test.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", Test.STRING_EQUALS, false),
    STRING_NOT_EQUALS("StringNotEquals", Test.STRING_EQUALS, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Test.STRING_EQUALS_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Test.STRING_EQUALS_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Test.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Test.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Test.NUMERIC_EQUALS, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Test.NUMERIC_EQUALS, true),
    NUMERIC_LESS_THAN("NumericLessThan", Test.NUMERIC_LESS_THAN, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Test.NUMERIC_LESS_THAN_EQUALS, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Test.NUMERIC_GREATER_THAN, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Test.NUMERIC_GREATER_THAN_EQUALS, false),
    DATE_EQUALS("DateEquals", Test.DATE_EQUALS, false),
    DATE_NOT_EQUALS("DateNotEquals", Test.DATE_EQUALS, true),
    DATE_LESS_THAN("DateLessThan", Test.DATE_LESS_THAN, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Test.DATE_LESS_THAN_EQUALS, false),
    DATE_GREATER_THAN("DateGreaterThan", Test.DATE_GREATER_THAN, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Test.DATE_GREATER_THAN_EQUALS, false),
    BOOL("Bool", Test.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Test.BINARY_EQUALS, false),
    IP_ADDRESS("IpAddress", Test.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", Test.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", Test.ARN_LIKE, false),
    ARN_LIKE("ArnLike", Test.ARN_LIKE, false),
    ARN_NOT_EQUALS("ArnNotEquals", Test.ARN_LIKE, true),
    ARN_NOT_LIKE("ArnNotLike", Test.ARN_LIKE, true),
    NULL("Null", Test.NULL, false);

    /** The positive comparisons, implemented by {@link ConditionTests}. */
    enum Test {
        STRING_EQUALS,
        STRING_EQUALS_IGNORE_CASE,
        STRING_LIKE,
        NUMERIC_EQUALS,
        NUMERIC_LESS_THAN,
        NUMERIC_LESS_THAN_EQUALS,
        NUMERIC_GREATER_THAN,
        NUMERIC_GREATER_THAN_EQUALS,
        DATE_EQUALS,
        DATE_LESS_THAN,
        DATE_LESS_THAN_EQUALS,
        DATE_GREATER_THAN,
        DATE_GREATER_THAN_EQUALS,
        BOOL,
        BINARY_EQUALS,
        IP_ADDRESS,
        ARN_LIKE,
        NULL;

        /** Policy variables are substituted in String* and Arn* values only; elsewhere the text is literal. */
        boolean substitutesVariables() {
            return switch (this) {
                case STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_LIKE, ARN_LIKE -> true;
                default -> false;
            };
        }
    }

    private final String wireName;
    private final Test test;
    private final boolean negated;

    ConditionOperator(String wireName, Test test, boolean negated) {
        this.wireName = wireName;
        this.test = test;
        this.negated = negated;
    }

    public String wireName() {
        return wireName;
    }

    Test test() {
        return test;
    }

    /** Whether the operator holds when its positive test fails (StringNotEquals, NotIpAddress, ArnNotLike, ...). */
    public boolean negated() {
        return negated;
    }

    /** The operator with this exact (case-sensitive) name, without prefix or IfExists suffix. */
    public static Optional<ConditionOperator> named(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
