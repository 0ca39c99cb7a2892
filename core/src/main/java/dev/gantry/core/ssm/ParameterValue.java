package dev.gantry.core.ssm;

import java.util.Objects;

/** A stored version's value: plain text (String, StringList) or sealed bytes (SecureString), never both. */
public sealed interface ParameterValue {

    /** A String or StringList value as given. */
    record Plain(String text) implements ParameterValue {
        public Plain {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A SecureString value, sealed at rest; opening it is the store's business. Shows no bytes. */
    record Sealed(byte[] bytes) implements ParameterValue {
        public Sealed {
            bytes = Objects.requireNonNull(bytes, "bytes").clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sealed s && java.util.Arrays.equals(bytes, s.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Sealed[" + bytes.length + " bytes]";
        }
    }
}
