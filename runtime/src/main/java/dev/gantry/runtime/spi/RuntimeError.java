package dev.gantry.runtime.spi;

/**
 * A named driver failure. {@link Kind} maps onto the ECS reason prefixes (CannotPullContainerError, ...);
 * {@code retryable} says whether trying again may help.
 */
public final class RuntimeError extends RuntimeException {
    public enum Kind {
        CANNOT_PULL_CONTAINER,
        CANNOT_CREATE_CONTAINER,
        CANNOT_START_CONTAINER,
        CANNOT_STOP_CONTAINER,
        CANNOT_INSPECT_CONTAINER,
        SANDBOX_FAILED,
        ENGINE_UNAVAILABLE,
        /** The engine cannot have a network as asked (its range overlaps another network's, say). */
        NETWORK_CONFLICT
    }

    private final Kind kind;
    private final boolean retryable;

    public RuntimeError(Kind kind, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryable = retryable;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable;
    }
}
