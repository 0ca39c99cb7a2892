package dev.gantry.core.iam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code Principal}/{@code NotPrincipal}: {@code "*"} or an object of {@code AWS}, {@code Service},
 * {@code Federated}, {@code CanonicalUser} → a string or list. AWS principals must be {@code *}, a 12-digit account
 * id (kept as {@code arn:aws:iam::<id>:root}) or an IAM/STS ARN; anything else is an invalid principal, as in IAM.
 */
final class PrincipalParser {
    private static final String ACCOUNT_ID = "\\d{12}";
    /** A user's or role's unique id, which IAM shows in place of an ARN once the principal is deleted. */
    private static final String UNIQUE_ID = "(AIDA|AROA)[A-Z0-9]{12,}";

    private static final String AWS_ARN = "arn:aws[a-z-]*:(iam|sts)::\\d{12}:[^*?]+";
    private static final String SERVICE_NAME = "[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?";

    private PrincipalParser() {}

    static Optional<PrincipalElement> principal(JsonNode statement, PolicyKind kind) {
        boolean has = statement.has("Principal");
        boolean hasNot = statement.has("NotPrincipal");
        if (has && hasNot) {
            throw new MalformedPolicyException(PolicyMessages.PRINCIPAL_AND_NOT_PRINCIPAL);
        }
        if (!has && !hasNot) {
            if (kind == PolicyKind.RESOURCE || kind == PolicyKind.TRUST) {
                throw new MalformedPolicyException(PolicyMessages.MISSING_PRINCIPAL);
            }
            return Optional.empty();
        }
        if (kind == PolicyKind.IDENTITY) {
            throw new MalformedPolicyException(PolicyMessages.PROHIBITED_PRINCIPAL);
        }
        JsonNode node = statement.get(has ? "Principal" : "NotPrincipal");
        if (node.isTextual()) {
            if (!node.asText().equals("*")) {
                throw invalid(node.toString());
            }
            return Optional.of(new PrincipalElement(true, Map.of(), hasNot));
        }
        if (!node.isObject() || node.isEmpty()) {
            throw invalid(node.toString());
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String type = entry.getKey();
            List<String> ids = new ArrayList<>();
            for (String id : PolicyParser.strings(entry.getValue(), "Principal")) {
                ids.add(checked(type, id));
            }
            byType.put(type, ids);
        }
        return Optional.of(new PrincipalElement(false, byType, hasNot));
    }

    private static String checked(String type, String id) {
        String shown = "\"" + type + "\":\"" + id + "\"";
        switch (type) {
            case PrincipalElement.AWS -> {
                if (id.equals("*") || id.matches(AWS_ARN) || id.matches(UNIQUE_ID)) {
                    return id;
                }
                if (id.matches(ACCOUNT_ID)) {
                    return "arn:aws:iam::" + id + ":root";
                }
                throw invalid(shown);
            }
            case PrincipalElement.SERVICE -> {
                if (id.equals("*") || id.matches(SERVICE_NAME)) {
                    return id;
                }
                throw invalid(shown);
            }
            case PrincipalElement.FEDERATED, PrincipalElement.CANONICAL_USER -> {
                if (id.isBlank()) {
                    throw invalid(shown);
                }
                return id;
            }
            default -> throw invalid(shown);
        }
    }

    private static MalformedPolicyException invalid(String shown) {
        return new MalformedPolicyException(PolicyMessages.INVALID_PRINCIPAL.formatted(shown));
    }
}
