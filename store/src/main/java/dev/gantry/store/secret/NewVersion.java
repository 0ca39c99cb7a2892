package dev.gantry.store.secret;

import dev.gantry.core.secret.SecretValue;
import java.util.Objects;

/** A version's value to store with a change: sealed before it is written. */
public record NewVersion(String versionId, SecretValue value) {
    public NewVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(value, "value");
    }
}
