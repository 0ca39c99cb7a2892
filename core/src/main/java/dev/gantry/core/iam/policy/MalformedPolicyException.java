package dev.gantry.core.iam.policy;

/**
 * A policy document IAM would refuse; the message is worded as IAM's {@code MalformedPolicyDocument} messages are
 * (see {@link PolicyMessages}), so the API layer can return it as is.
 */
public final class MalformedPolicyException extends RuntimeException {
    public MalformedPolicyException(String message) {
        super(message);
    }
}
