package dev.gantry.control.inject;

/**
 * The outcome of reading one value as a task's execution role. Every message is what a stopped task's reason
 * shows after the secret's name, so it names the failure and never holds a value. {@link Found#toString()} hides
 * the value.
 */
public sealed interface Lookup {

    record Found(String value) implements Lookup {
        public Found {
            if (value == null) {
                throw new IllegalArgumentException("value is required");
            }
        }

        @Override
        public String toString() {
            return "Found[value=****]";
        }
    }

    /** No such secret, version, parameter or object (e.g. {@code ResourceNotFoundException: ...}). */
    record NotFound(String message) implements Lookup {}

    /** The execution role may not read it (e.g. {@code AccessDeniedException: User: ... is not authorized ...}). */
    record AccessDenied(String message) implements Lookup {}

    /** The source cannot answer at all (the service is not there, or failed). */
    record Unavailable(String message) implements Lookup {}

    /** The message of a failure; a {@link Found} has none. */
    default String failure() {
        return switch (this) {
            case Found f -> throw new IllegalStateException("not a failure");
            case NotFound n -> n.message();
            case AccessDenied a -> a.message();
            case Unavailable u -> u.message();
        };
    }
}
