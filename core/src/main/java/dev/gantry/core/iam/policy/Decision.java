package dev.gantry.core.iam.policy;

/** The outcome of evaluating policies for one request, as IAM's evaluation logic names them. */
public enum Decision {
    /** A statement allowed the request and none denied it. */
    ALLOW,
    /** A statement with {@code "Effect": "Deny"} matched the request; nothing can override it. */
    EXPLICIT_DENY,
    /** No statement allowed the request (and none denied it): denied by default. */
    IMPLICIT_DENY;

    public boolean allowed() {
        return this == ALLOW;
    }
}
