package dev.gantry.control.endpoint;

import java.time.Duration;

/**
 * Issues session credentials for a role (the seam to IAM/STS: the iam slice's {@code RoleSessions.issue}).
 * Called off the endpoint's event loop; may block.
 */
@FunctionalInterface
public interface RoleCredentialSource {
    /** Why no source is wired yet. */
    String NOT_AVAILABLE = "task role credentials are not available: this Gantry has no IAM role sessions yet";

    /** A source that refuses every role, saying why. */
    RoleCredentialSource UNAVAILABLE = (roleArn, sessionName, duration) -> {
        throw new CredentialsUnavailableException(NOT_AVAILABLE);
    };

    /** Credentials for {@code roleArn} valid for about {@code duration}; throws CredentialsUnavailableException. */
    RoleCredentials issue(String roleArn, String sessionName, Duration duration);

    /** The role's credentials cannot be issued now; the message says why (it reaches the task). */
    final class CredentialsUnavailableException extends RuntimeException {
        public CredentialsUnavailableException(String message) {
            super(message);
        }

        public CredentialsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
