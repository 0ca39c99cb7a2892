package dev.gantry.core.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * Evaluates a statement's conditions against a request, as IAM documents it: every condition (every key of every
 * operator) must hold; within one key, any of the policy's values may match.
 *
 * <ul>
 *   <li>A key missing from the request: the condition is false, except for a negated operator (StringNotEquals,
 *       NotIpAddress, ArnNotLike, ...), which is then true, and {@code ...IfExists}, which is then true.
 *   <li>{@code Null}: {@code "true"} holds when the key is absent, {@code "false"} when it is present.
 *   <li>{@code ForAnyValue:} holds when at least one of the request's values passes (false when the key is absent);
 *       {@code ForAllValues:} when every one does (true when the key is absent or has no values).
 *   <li>A negated operator's test on one request value: it equals (is like, is in) none of the policy's values.
 * </ul>
 */
final class ConditionEvaluator {
    private ConditionEvaluator() {}

    static boolean allHold(List<Condition> conditions, ConditionContext context, Variables variables) {
        for (Condition condition : conditions) {
            if (!holds(condition, context, variables)) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(Condition condition, ConditionContext context, Variables variables) {
        Optional<List<String>> present = context.get(condition.key());
        if (condition.operator() == ConditionOperator.NULL) {
            return condition.typed().values().stream().anyMatch(isNull -> isNull.equals(present.isEmpty()));
        }
        ConditionOperator operator = condition.operator();
        if (present.isEmpty()) {
            return switch (condition.qualifier()) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> condition.ifExists();
                case NONE -> condition.ifExists() || operator.negated();
            };
        }
        List<?> policyValues = operator.test().substitutesVariables()
                ? condition.values().stream()
                        .map(variables::expand)
                        .flatMap(Optional::stream)
                        .toList()
                : condition.typed().values();
        List<String> requestValues = present.get();
        return switch (condition.qualifier()) {
            case FOR_ANY_VALUE -> requestValues.stream().anyMatch(v -> valuePasses(operator, policyValues, v));
            case FOR_ALL_VALUES -> requestValues.stream().allMatch(v -> valuePasses(operator, policyValues, v));
            case NONE ->
                operator.negated()
                        ? requestValues.stream().noneMatch(v -> anyPolicyValueMatches(operator, policyValues, v))
                        : requestValues.stream().anyMatch(v -> anyPolicyValueMatches(operator, policyValues, v));
        };
    }

    private static boolean valuePasses(ConditionOperator operator, List<?> policyValues, String value) {
        return anyPolicyValueMatches(operator, policyValues, value) != operator.negated();
    }

    private static boolean anyPolicyValueMatches(ConditionOperator operator, List<?> policyValues, String value) {
        for (Object policyValue : policyValues) {
            if (ConditionTests.test(operator.test(), policyValue, value)) {
                return true;
            }
        }
        return false;
    }
}
