package dev.gantry.control.iam;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials for a role: an {@code ASIA…} key, its secret and session token, when they expire, the role,
 * and the session's identity as STS names it ({@code AROA…:SESSION}, {@code arn:aws:sts::ACCT:assumed-role/ROLE/
 * SESSION}). {@link #toString()} hides the secret and the token.
 */
public record RoleSession(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        String roleArn,
        String assumedRoleId,
        String assumedRoleArn) {

    public RoleSession {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(assumedRoleId, "assumedRoleId");
        Objects.requireNonNull(assumedRoleArn, "assumedRoleArn");
    }

    @Override
    public String toString() {
        return "RoleSession[accessKeyId=" + accessKeyId + ", assumedRoleArn=" + assumedRoleArn + ", expiration="
                + expiration + "]";
    }
}
