package dev.gantry.api.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller Gantry knows: an access key, its secret, and the IAM-style ARN it acts as
 * (e.g. {@code arn:aws:iam::000000000000:root}). A session key (STS, {@code ASIA…}) also has the session token a
 * request signed with it must carry ({@code X-Amz-Security-Token}) and when the session ends.
 * {@link #toString()} never reveals the secret or the token.
 */
public record Principal(
        String accessKeyId,
        String secretAccessKey,
        String principalArn,
        Optional<String> sessionToken,
        Optional<Instant> expiration) {

    public Principal {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        if (accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId must not be blank");
        }
    }

    /** A long-term key (admin or IAM user): no session token, no expiry. */
    public Principal(String accessKeyId, String secretAccessKey, String principalArn) {
        this(accessKeyId, secretAccessKey, principalArn, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "Principal[accessKeyId=" + accessKeyId + ", secretAccessKey=****, principalArn=" + principalArn
                + (sessionToken.isPresent() ? ", sessionToken=****" : "") + "]";
    }
}
