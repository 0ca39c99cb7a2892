package dev.gantry.core.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * IAM's policy evaluation logic for one request, pure: a matching Deny statement anywhere decides
 * ({@link Decision#EXPLICIT_DENY}); otherwise a matching Allow is required ({@link Decision#ALLOW}); otherwise the
 * request is denied by default ({@link Decision#IMPLICIT_DENY}).
 *
 * <p>A statement matches when its Principal/NotPrincipal (if any) covers the request's principal, its
 * Action/NotAction covers the action, its Resource/NotResource (if any) covers the resource after policy
 * variables are substituted, and all its conditions hold ({@link ConditionEvaluator}).
 *
 * <p>A request carrying a value longer than 4096 characters is denied explicitly, whatever the policies say.
 *
 * <p>Combining kinds of policy is the caller's business beyond what is here: identity policies alone
 * ({@link #evaluate(List, AccessRequest)}), identity policies intersected with session policies
 * ({@link #evaluate(List, List, AccessRequest)}), and one resource or trust policy
 * ({@link #evaluateResourcePolicy}).
 */
public final class PolicyEvaluator {
    /** The deciding "statement" of a request refused for a value over {@link Glob#MAX_TEXT} characters. */
    public static final String OVERSIZED = "request value longer than " + Glob.MAX_TEXT + " characters";

    private PolicyEvaluator() {}

    /** Identity-based policies (a user's or role's inline and attached policies) for one request. */
    public static Evaluation evaluate(List<PolicyDocument> identityPolicies, AccessRequest request) {
        return decide(identityPolicies, request, false);
    }

    /**
     * Identity policies within the bounds of session policies (AssumeRole's {@code Policy}/{@code PolicyArns}): a
     * Deny in either decides; otherwise both must allow. An empty {@code sessionPolicies} means the session has
     * none, and the identity policies alone decide.
     */
    public static Evaluation evaluate(
            List<PolicyDocument> identityPolicies, List<PolicyDocument> sessionPolicies, AccessRequest request) {
        Evaluation identity = evaluate(identityPolicies, request);
        if (sessionPolicies.isEmpty() || identity.decision() == Decision.EXPLICIT_DENY) {
            return identity;
        }
        Evaluation session = evaluate(sessionPolicies, request);
        if (session.decision() == Decision.EXPLICIT_DENY) {
            return session;
        }
        if (!identity.allowed()) {
            return identity;
        }
        return session.allowed() ? identity : Evaluation.implicitDeny();
    }

    /**
     * A resource-based policy or a role's trust policy: only statements whose Principal (or NotPrincipal) covers
     * the request's principal apply; a statement without Principal/NotPrincipal applies to nobody, and one without
     * Resource/NotResource to every resource.
     */
    public static Evaluation evaluateResourcePolicy(PolicyDocument policy, AccessRequest request) {
        return decide(List.of(policy), request, true);
    }

    private static Evaluation decide(List<PolicyDocument> policies, AccessRequest request, boolean resourcePolicy) {
        if (request.oversized()) {
            // Fail closed: a value too long to match wildcards must not turn a negated operator into an Allow.
            return new Evaluation(Decision.EXPLICIT_DENY, Optional.of(OVERSIZED));
        }
        Optional<String> allowedBy = Optional.empty();
        for (PolicyDocument policy : policies) {
            Variables variables = Variables.of(policy, request.context());
            List<Statement> statements = policy.statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                if (!matches(statement, request, variables, resourcePolicy)) {
                    continue;
                }
                if (statement.effect() == Effect.DENY) {
                    return new Evaluation(Decision.EXPLICIT_DENY, Optional.of(statement.label(i)));
                }
                if (allowedBy.isEmpty()) {
                    allowedBy = Optional.of(statement.label(i));
                }
            }
        }
        return allowedBy
                .map(sid -> new Evaluation(Decision.ALLOW, Optional.of(sid)))
                .orElseGet(Evaluation::implicitDeny);
    }

    static boolean matches(Statement statement, AccessRequest request, Variables variables, boolean resourcePolicy) {
        if (statement.principal().isPresent()) {
            if (!statement.principal().get().covers(request.principalArn())) {
                return false;
            }
        } else if (resourcePolicy) {
            return false;
        }
        if (!statement.actions().covers(request.action())) {
            return false;
        }
        if (statement.resources().isPresent() && !statement.resources().get().covers(request.resource(), variables)) {
            return false;
        }
        return ConditionEvaluator.allHold(statement.conditions(), request.context(), variables);
    }
}
