package dev.gantry.control.iam;

import java.util.List;
import java.util.Map;

/**
 * The policy language, as {@link Authorization} and {@link RoleSessions} need it: check a document, and evaluate
 * identity policies or a resource (trust) policy for one request. {@link CorePolicyEngine} is core's evaluator
 * ({@code core/iam/policy}); unit tests of the logic around it use a fake.
 */
public interface PolicyEngine {

    /** What an evaluation decided. */
    enum Outcome {
        ALLOW,
        EXPLICIT_DENY,
        IMPLICIT_DENY
    }

    /** One request to evaluate: who, what action, on which resource, with which condition keys. */
    record Request(String principalArn, String action, String resource, Map<String, List<String>> context) {
        public Request {
            context = Map.copyOf(context);
        }
    }

    /**
     * Checks an identity policy (inline, managed, or a session policy): throws ApiException with
     * {@link IamError#MALFORMED_POLICY_DOCUMENT} saying what is wrong, if it is.
     */
    void validate(String document);

    /** Checks a role's trust policy (a Principal required, no Resource), as {@link #validate} does. */
    void validateTrust(String document);

    /** Identity-based policies: an Allow is needed, an explicit Deny wins. */
    Outcome evaluate(List<String> documents, Request request);

    /** A resource-based policy (a role's trust policy): the principal must be named by an Allow. */
    Outcome evaluateResourcePolicy(String document, Request request);
}
