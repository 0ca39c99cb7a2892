package dev.gantry.control.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.core.error.ApiException;
import java.util.List;

/**
 * Stands in for core's evaluator until it is wired: documents must be JSON objects, and nothing is allowed (only
 * the account root, which {@link Authorization} never evaluates, may act).
 */
public final class UnavailablePolicyEngine implements PolicyEngine {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void validate(String document) {
        try {
            if (!JSON.readTree(document).isObject()) {
                throw new ApiException(IamError.MALFORMED_POLICY_DOCUMENT, IamMessages.NOT_JSON);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(IamError.MALFORMED_POLICY_DOCUMENT, IamMessages.NOT_JSON);
        }
    }

    @Override
    public Outcome evaluate(List<String> documents, Request request) {
        return Outcome.IMPLICIT_DENY;
    }

    @Override
    public Outcome evaluateResourcePolicy(String document, Request request) {
        return Outcome.IMPLICIT_DENY;
    }
}
