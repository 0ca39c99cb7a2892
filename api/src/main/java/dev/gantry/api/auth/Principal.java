package dev.gantry.api.auth;

import java.util.Objects;

/**
 * A caller Gantry knows: an access key, its secret, and the IAM-style ARN it acts as
 * (e.g. {@code arn:aws:iam::000000000000:root}). {@link #toString()} never reveals the secret.
 */
public record Principal(String accessKeyId, String secretAccessKey, String principalArn) {

    public Principal {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principalArn, "principalArn");
        if (accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId must not be blank");
        }
    }

    @Override
    public String toString() {
        return "Principal[accessKeyId=" + accessKeyId + ", secretAccessKey=****, principalArn=" + principalArn + "]";
    }
}
