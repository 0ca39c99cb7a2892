package dev.gantry.store.iam;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An STS session: its key ({@code ASIA…}), secret and token, the role it acts as (ARN and unique id), its
 * {@code assumed-role/ROLE/SESSION} ARN, the session policy it was given (if any) and when it ends.
 */
public record StoredSession(
        String accessKeyId,
        String secret,
        String token,
        String roleArn,
        String roleId,
        String sessionArn,
        Optional<String> sessionPolicy,
        Instant expiration) {
    public StoredSession {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(sessionArn, "sessionArn");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
        return "StoredSession[accessKeyId=" + accessKeyId + ", sessionArn=" + sessionArn + ", expiration=" + expiration
                + "]";
    }
}
