package dev.gantry.core.iam.policy;

/**
 * What a policy document is attached to, which decides the elements IAM requires or forbids when it is parsed.
 * {@link #ANY} checks only what every policy must satisfy.
 */
public enum PolicyKind {
    /** Checks common to all kinds; Principal and Resource are both optional. */
    ANY,
    /** Attached to a user, role or group (or a managed policy, or a session policy): Resource required, no Principal. */
    IDENTITY,
    /** Attached to a resource (a secret, a bucket): Principal required. */
    RESOURCE,
    /** A role's trust policy (AssumeRolePolicyDocument): Principal required, no Resource. */
    TRUST
}
