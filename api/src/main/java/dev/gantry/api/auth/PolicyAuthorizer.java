package dev.gantry.api.auth;

import dev.gantry.control.iam.Authorization;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Authorizer} the server runs: every call is decided by {@code control/iam}'s {@link Authorization}
 * (the account root may do everything; users, roles and sessions get their policies); a refusal is ACCESS_DENIED
 * with AWS's message naming the principal, the action and the resource.
 */
public final class PolicyAuthorizer implements Authorizer {
    private final Authorization authorization;

    public PolicyAuthorizer(Authorization authorization) {
        this.authorization = Objects.requireNonNull(authorization, "authorization");
    }

    @Override
    public void authorize(AccessCheck check) {
        Authorization.Verdict verdict = authorization.decide(
                check.principalArn(),
                Optional.of(check.accessKeyId()),
                check.action(),
                check.resources(),
                check.conditionKeys());
        if (!verdict.allowed()) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, verdict.message().orElse("Access denied"));
        }
    }
}
