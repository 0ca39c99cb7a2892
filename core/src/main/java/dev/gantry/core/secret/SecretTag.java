package dev.gantry.core.secret;

import java.util.Objects;

/** A tag on a secret (key 1-128 characters, value up to 256). */
public record SecretTag(String key, String value) {
    public SecretTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
