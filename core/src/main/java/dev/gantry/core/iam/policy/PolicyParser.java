package dev.gantry.core.iam.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a policy document from JSON (databind's tree model, nothing bound) into typed records, refusing what IAM
 * refuses with IAM's {@code MalformedPolicyDocument} wording. Conditions are read by {@link ConditionParser},
 * principals by {@link PrincipalParser}.
 */
final class PolicyParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** A hard safety cap on the document's length, far above IAM's own quotas (which the API layer applies). */
    static final int MAX_DOCUMENT_CHARS = 131072;

    private static final Set<String> DOCUMENT_FIELDS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_FIELDS = Set.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");

    private PolicyParser() {}

    static PolicyDocument parse(String json, PolicyKind kind) {
        if (json == null) {
            throw new MalformedPolicyException(PolicyMessages.SYNTAX);
        }
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new MalformedPolicyException(PolicyMessages.TOO_LARGE.formatted(MAX_DOCUMENT_CHARS));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyException(PolicyMessages.SYNTAX);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPolicyException(PolicyMessages.SYNTAX);
        }
        knownFields(root, DOCUMENT_FIELDS);
        String version = PolicyDocument.VERSION_2008;
        if (root.has("Version")) {
            JsonNode v = root.get("Version");
            if (!v.isTextual()) {
                throw new MalformedPolicyException(PolicyMessages.BAD_VERSION);
            }
            version = v.asText();
        }
        if (!version.equals(PolicyDocument.VERSION_2012) && !version.equals(PolicyDocument.VERSION_2008)) {
            throw new MalformedPolicyException(PolicyMessages.BAD_VERSION);
        }
        Optional<String> id = root.has("Id") ? Optional.of(text(root.get("Id"))) : Optional.empty();
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null || statementNode.isNull()) {
            throw new MalformedPolicyException(PolicyMessages.MISSING_STATEMENT);
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(nodes::add);
        } else {
            nodes.add(statementNode);
        }
        if (nodes.isEmpty()) {
            throw new MalformedPolicyException(PolicyMessages.MISSING_STATEMENT);
        }
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (JsonNode node : nodes) {
            Statement statement = statement(node, kind);
            statement.sid().filter(s -> !s.isEmpty()).ifPresent(sid -> {
                if (!sids.add(sid)) {
                    throw new MalformedPolicyException(PolicyMessages.SID_NOT_UNIQUE);
                }
            });
            statements.add(statement);
        }
        return new PolicyDocument(version, id, statements);
    }

    private static Statement statement(JsonNode node, PolicyKind kind) {
        if (!node.isObject()) {
            throw new MalformedPolicyException(PolicyMessages.SYNTAX);
        }
        knownFields(node, STATEMENT_FIELDS);
        Optional<String> sid = node.has("Sid") ? Optional.of(text(node.get("Sid"))) : Optional.empty();
        if (kind == PolicyKind.IDENTITY && sid.isPresent() && !sid.get().matches("[0-9A-Za-z]*")) {
            throw new MalformedPolicyException(PolicyMessages.SID_FORMAT);
        }
        Effect effect = effect(node.get("Effect"));
        ActionElement actions = actions(node);
        Optional<ResourceElement> resources = resources(node, kind);
        Optional<PrincipalElement> principal = PrincipalParser.principal(node, kind);
        List<Condition> conditions =
                node.has("Condition") ? ConditionParser.conditions(node.get("Condition")) : List.of();
        return new Statement(sid, effect, principal, actions, resources, conditions);
    }

    private static Effect effect(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new MalformedPolicyException(PolicyMessages.MISSING_EFFECT);
        }
        String value = text(node);
        for (Effect effect : Effect.values()) {
            if (effect.wireName().equals(value)) {
                return effect;
            }
        }
        throw new MalformedPolicyException(PolicyMessages.INVALID_EFFECT.formatted(value));
    }

    private static ActionElement actions(JsonNode node) {
        boolean has = node.has("Action");
        boolean hasNot = node.has("NotAction");
        if (has && hasNot) {
            throw new MalformedPolicyException(PolicyMessages.ACTION_AND_NOT_ACTION);
        }
        if (!has && !hasNot) {
            throw new MalformedPolicyException(PolicyMessages.MISSING_ACTION);
        }
        String field = has ? "Action" : "NotAction";
        List<String> patterns = strings(node.get(field), field);
        for (String pattern : patterns) {
            if (!pattern.equals("*") && !pattern.matches("[^:]+:[^:]+")) {
                throw new MalformedPolicyException(PolicyMessages.VENDOR_PREFIX);
            }
        }
        return new ActionElement(patterns, hasNot);
    }

    private static Optional<ResourceElement> resources(JsonNode node, PolicyKind kind) {
        boolean has = node.has("Resource");
        boolean hasNot = node.has("NotResource");
        if (has && hasNot) {
            throw new MalformedPolicyException(PolicyMessages.RESOURCE_AND_NOT_RESOURCE);
        }
        if (!has && !hasNot) {
            if (kind == PolicyKind.IDENTITY) {
                throw new MalformedPolicyException(PolicyMessages.MISSING_RESOURCE);
            }
            return Optional.empty();
        }
        if (kind == PolicyKind.TRUST) {
            throw new MalformedPolicyException(PolicyMessages.PROHIBITED_RESOURCE);
        }
        String field = has ? "Resource" : "NotResource";
        List<String> patterns = strings(node.get(field), field);
        for (String pattern : patterns) {
            if (!pattern.equals("*") && !isArn(pattern)) {
                throw new MalformedPolicyException(PolicyMessages.RESOURCE_FORMAT.formatted(pattern));
            }
        }
        return Optional.of(new ResourceElement(patterns, hasNot));
    }

    /** {@code arn:} and five more colon-separated parts (the last may itself contain colons). */
    private static boolean isArn(String pattern) {
        return pattern.split(":", 6).length == 6 && pattern.startsWith("arn:");
    }

    /** A string or a non-empty array of strings. */
    static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> out.add(text(item)));
        } else {
            out.add(text(node));
        }
        if (out.isEmpty()) {
            throw new MalformedPolicyException(PolicyMessages.EMPTY_ELEMENT.formatted(field));
        }
        return out;
    }

    static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new MalformedPolicyException(PolicyMessages.SYNTAX);
        }
        return node.asText();
    }

    private static void knownFields(JsonNode object, Set<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                throw new MalformedPolicyException(PolicyMessages.UNKNOWN_FIELD.formatted(name));
            }
        }
    }
}
