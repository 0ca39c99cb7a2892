package dev.gantry.control.iam;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.iam.policy.AccessRequest;
import dev.gantry.core.iam.policy.ConditionContext;
import dev.gantry.core.iam.policy.Decision;
import dev.gantry.core.iam.policy.MalformedPolicyException;
import dev.gantry.core.iam.policy.PolicyDocument;
import dev.gantry.core.iam.policy.PolicyEvaluator;
import dev.gantry.core.iam.policy.PolicyKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PolicyEngine} over core's policy language ({@code core/iam/policy}): documents are parsed with IAM's
 * MalformedPolicyDocument messages and kept parsed by their text (a bounded cache: every API call evaluates its
 * caller's policies), then evaluated by {@link PolicyEvaluator}.
 */
public final class CorePolicyEngine implements PolicyEngine {
    static final int CACHE_LIMIT = 4_096;

    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();

    @Override
    public void validate(String document) {
        parse(document, PolicyKind.IDENTITY);
    }

    @Override
    public void validateTrust(String document) {
        parse(document, PolicyKind.TRUST);
    }

    @Override
    public Outcome evaluate(List<String> documents, Request request) {
        List<PolicyDocument> policies = documents.stream().map(this::cached).toList();
        return outcome(PolicyEvaluator.evaluate(policies, access(request)).decision());
    }

    @Override
    public Outcome evaluateResourcePolicy(String document, Request request) {
        return outcome(PolicyEvaluator.evaluateResourcePolicy(cached(document), access(request))
                .decision());
    }

    private PolicyDocument cached(String document) {
        PolicyDocument doc = parsed.get(document);
        if (doc == null) {
            doc = parse(document, PolicyKind.ANY);
            if (parsed.size() >= CACHE_LIMIT) {
                parsed.clear();
            }
            parsed.put(document, doc);
        }
        return doc;
    }

    private static PolicyDocument parse(String document, PolicyKind kind) {
        try {
            return PolicyDocument.parse(document, kind);
        } catch (MalformedPolicyException e) {
            throw new ApiException(IamError.MALFORMED_POLICY_DOCUMENT, e.getMessage());
        }
    }

    private static AccessRequest access(Request request) {
        return new AccessRequest(
                request.principalArn(), request.action(), request.resource(), new ConditionContext(request.context()));
    }

    private static Outcome outcome(Decision decision) {
        return switch (decision) {
            case ALLOW -> Outcome.ALLOW;
            case EXPLICIT_DENY -> Outcome.EXPLICIT_DENY;
            case IMPLICIT_DENY -> Outcome.IMPLICIT_DENY;
        };
    }
}
