package dev.gantry.core.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret version's value: a SecretString or a SecretBinary, never both. {@link #toString()} never shows it, so a
 * value that reaches a log line or an exception message by mistake stays hidden.
 */
public sealed interface SecretValue {

    /** AWS's limit on a SecretString's or SecretBinary's size. */
    int MAX_BYTES = 65_536;

    /** The value's bytes (a string's UTF-8). */
    byte[] bytes();

    /** Whether {@code other} is the same kind with the same bytes. */
    default boolean sameAs(SecretValue other) {
        return getClass() == other.getClass() && Arrays.equals(bytes(), other.bytes());
    }

    /** A SecretString. */
    record Text(String value) implements SecretValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public byte[] bytes() {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "SecretString[hidden]";
        }
    }

    /** A SecretBinary. */
    record Binary(byte[] value) implements SecretValue {
        public Binary {
            value = Objects.requireNonNull(value, "value").clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] bytes() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "SecretBinary[hidden]";
        }
    }
}
