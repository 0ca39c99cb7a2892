package dev.gantry.core.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * One key of one condition operator: {@code "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["env", "team"]}}
 * is operator STRING_LIKE, qualifier FOR_ANY_VALUE, ifExists, key {@code aws:TagKeys}, two values (any may match).
 */
public record Condition(
        ConditionOperator operator,
        SetQualifier qualifier,
        boolean ifExists,
        String key,
        List<String> values,
        TypedValues typed) {
    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        Objects.requireNonNull(typed, "typed");
    }

    /**
     * A condition whose typed values (numbers, dates, booleans, CIDRs, bytes) are parsed here, once.
     *
     * @throws MalformedPolicyException when a value is not of the operator's type
     */
    public Condition(
            ConditionOperator operator, SetQualifier qualifier, boolean ifExists, String key, List<String> values) {
        this(
                operator,
                qualifier,
                ifExists,
                key,
                values,
                TypedValues.parse(
                        operator, qualifier.prefix() + operator.wireName() + (ifExists ? "IfExists" : ""), values));
    }

    /** The operator as written in a policy, e.g. {@code ForAllValues:StringEqualsIfExists}. */
    public String operatorName() {
        return qualifier.prefix() + operator.wireName() + (ifExists ? "IfExists" : "");
    }
}
