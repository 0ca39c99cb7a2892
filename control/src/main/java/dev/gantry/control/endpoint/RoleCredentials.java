package dev.gantry.control.endpoint;

import java.time.Instant;
import java.util.Objects;

/** Short-lived session credentials for a role, as the credentials endpoint hands them to a task. */
public record RoleCredentials(
        String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, String roleArn) {
    public RoleCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    @Override
    public String toString() { // never the secret or the token in a log line
        return "RoleCredentials[accessKeyId=" + accessKeyId + ", roleArn=" + roleArn + ", expiration=" + expiration
                + "]";
    }
}
