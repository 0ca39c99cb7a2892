package dev.gantry.api.auth;

/**
 * Decides whether an authenticated call may proceed; called by the codecs for every call of every service, after
 * SigV4 and before the handler. Refuses by throwing {@link dev.gantry.core.error.ApiException} with
 * {@link dev.gantry.core.error.ErrorCode#ACCESS_DENIED} and AWS's message, which each protocol renders (JSON:
 * AccessDeniedException; Query: AccessDenied). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Authorizer {

    /** Lets everything through: Gantry before IAM, and API tests that are not about authorization. */
    Authorizer ALLOW_ALL = check -> {};

    /** Returns if the call is allowed; throws ApiException (ACCESS_DENIED) if not. */
    void authorize(AccessCheck check);
}
