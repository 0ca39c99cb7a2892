package dev.gantry.control.iam;

import dev.gantry.core.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for core's evaluator in unit tests of the logic around it: a document is words — {@code allow:ACTION},
 * {@code deny:ACTION} ({@code *} matches any action), {@code trust:PRINCIPAL_ARN} — and {@code bad} is malformed.
 * Records the requests it was asked about.
 */
final class FakePolicyEngine implements PolicyEngine {
    final List<Request> asked = new ArrayList<>();

    @Override
    public void validate(String document) {
        if (document.contains("bad")) {
            throw new ApiException(IamError.MALFORMED_POLICY_DOCUMENT, "bad");
        }
    }

    @Override
    public void validateTrust(String document) {
        validate(document);
    }

    @Override
    public Outcome evaluate(List<String> documents, Request request) {
        asked.add(request);
        boolean allow = false;
        for (String doc : documents) {
            for (String word : doc.split("\\s+")) {
                if (matches(word, "deny:", request.action())) {
                    return Outcome.EXPLICIT_DENY;
                }
                allow |= matches(word, "allow:", request.action());
            }
        }
        return allow ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
    }

    @Override
    public Outcome evaluateResourcePolicy(String document, Request request) {
        asked.add(request);
        for (String word : document.split("\\s+")) {
            if (word.equals("trust:" + request.principalArn())) {
                return Outcome.ALLOW;
            }
        }
        return Outcome.IMPLICIT_DENY;
    }

    private static boolean matches(String word, String effect, String action) {
        return word.startsWith(effect)
                && (word.substring(effect.length()).equals(action)
                        || word.substring(effect.length()).equals("*"));
    }
}
