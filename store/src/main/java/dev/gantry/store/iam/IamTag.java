package dev.gantry.store.iam;

import java.util.Objects;

/** An IAM tag on a user or a role. */
public record IamTag(String key, String value) {
    public IamTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
