package dev.gantry.core.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a statement's {@code Condition} block: operator (with optional {@code ForAnyValue:}/{@code ForAllValues:}
 * prefix and {@code IfExists} suffix) → key → a value or a list of values (strings, numbers or booleans).
 */
final class ConditionParser {
    private static final String IF_EXISTS = "IfExists";

    private ConditionParser() {}

    static List<Condition> conditions(JsonNode block) {
        if (!block.isObject()) {
            throw new MalformedPolicyException(PolicyMessages.SYNTAX);
        }
        List<Condition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = block.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (!op.getValue().isObject()) {
                throw new MalformedPolicyException(PolicyMessages.SYNTAX);
            }
            if (op.getValue().isEmpty()) {
                throw new MalformedPolicyException(PolicyMessages.EMPTY_ELEMENT.formatted("Condition " + op.getKey()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                out.add(condition(op.getKey(), key.getKey(), key.getValue()));
            }
        }
        return out;
    }

    private static Condition condition(String operatorName, String key, JsonNode valueNode) {
        String rest = operatorName;
        SetQualifier qualifier = SetQualifier.NONE;
        for (SetQualifier q : List.of(SetQualifier.FOR_ANY_VALUE, SetQualifier.FOR_ALL_VALUES)) {
            if (rest.startsWith(q.prefix())) {
                qualifier = q;
                rest = rest.substring(q.prefix().length());
                break; // one set prefix at most: ForAnyValue:ForAllValues:... is no operator
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS) && !rest.equals(IF_EXISTS);
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        ConditionOperator operator = ConditionOperator.named(rest).orElseThrow(() -> invalidType(operatorName));
        if (operator == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            throw invalidType(operatorName);
        }
        if (!key.contains(":")) {
            throw new MalformedPolicyException(PolicyMessages.VENDOR_PREFIX);
        }
        List<String> values = new ArrayList<>();
        if (valueNode.isArray()) {
            valueNode.forEach(v -> values.add(scalar(v)));
        } else {
            values.add(scalar(valueNode));
        }
        if (values.isEmpty()) {
            throw new MalformedPolicyException(PolicyMessages.EMPTY_ELEMENT.formatted("Condition " + operatorName));
        }
        return new Condition(operator, qualifier, ifExists, key, values);
    }

    private static String scalar(JsonNode node) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new MalformedPolicyException(PolicyMessages.SYNTAX);
    }

    private static MalformedPolicyException invalidType(String operatorName) {
        return new MalformedPolicyException(PolicyMessages.INVALID_CONDITION_TYPE.formatted(operatorName));
    }
}
