package dev.gantry.core.iam.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Principal} (or, when {@code negated}, {@code NotPrincipal}) of a resource or trust policy: {@code "*"}
 * (everyone), or principals by type: {@code AWS} (an ARN, a 12-digit account id meaning every principal of that
 * account, or {@code *}), {@code Service} ({@code ecs-tasks.amazonaws.com}), {@code Federated},
 * {@code CanonicalUser}. Account ids are kept as {@code arn:aws:iam::<id>:root}, as IAM stores them.
 */
public record PrincipalElement(boolean everyone, Map<String, List<String>> byType, boolean negated) {
    public static final String AWS = "AWS";
    public static final String SERVICE = "Service";
    public static final String FEDERATED = "Federated";
    public static final String CANONICAL_USER = "CanonicalUser";

    public PrincipalElement {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(byType, "byType").forEach((type, ids) -> copy.put(type, List.copyOf(ids)));
        byType = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Whether the statement applies to {@code principal}: it is listed (for NotPrincipal: it is not). A Principal
     * naming an account covers every principal of it and a role covers its sessions; a NotPrincipal exempts only the
     * exact identities listed (AWS: to exempt a role session, list the session, the role and the account).
     */
    public boolean covers(String principal) {
        return negated ? !listed(principal, true) : listed(principal, false);
    }

    private boolean listed(String principal, boolean exact) {
        if (everyone) {
            return true;
        }
        for (Map.Entry<String, List<String>> entry : byType.entrySet()) {
            for (String id : entry.getValue()) {
                if (entry.getKey().equals(AWS)
                        ? id.equals("*") || id.equals(principal) || (!exact && awsMatches(id, principal))
                        : otherMatches(entry.getKey(), id, principal)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean otherMatches(String type, String id, String principal) {
        return type.equals(SERVICE) ? id.equalsIgnoreCase(principal) : id.equals(principal);
    }

    /** The widening of a positive Principal: an account's root covers its principals, a role its sessions. */
    private static boolean awsMatches(String id, String principal) {
        Arns.Parsed want = Arns.parse(id).orElse(null);
        Arns.Parsed got = Arns.parse(principal).orElse(null);
        if (want == null
                || got == null
                || !want.partition().equals(got.partition())
                || !want.account().equals(got.account())) {
            return false;
        }
        if (want.service().equals("iam") && want.resource().equals("root")) {
            return got.service().equals("iam") || got.service().equals("sts");
        }
        // A role session (arn:aws:sts::<acct>:assumed-role/<role>/<session>) is its role (arn:aws:iam::...:role/..).
        if (want.service().equals("iam")
                && want.resource().startsWith("role/")
                && got.service().equals("sts")
                && got.resource().startsWith("assumed-role/")) {
            String roleName = want.resource().substring(want.resource().lastIndexOf('/') + 1);
            String[] session = got.resource().split("/", 3);
            return session.length == 3 && session[1].equals(roleName);
        }
        return false;
    }
}
