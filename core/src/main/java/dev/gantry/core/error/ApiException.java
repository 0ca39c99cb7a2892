package dev.gantry.core.error;

/**
 * An error a client should see: a named AWS error type and a message that says what to change.
 * Anything else that escapes a handler is a bug and is reported as an internal failure without details.
 * The kind says what went wrong; the API edge renders it in the answering service's protocol and error table.
 */
public final class ApiException extends RuntimeException {
    private final ErrorKind code;

    public ApiException(ErrorKind code, String message) {
        super(message, null, false, false);
        this.code = java.util.Objects.requireNonNull(code, "code");
    }

    public ErrorKind code() {
        return code;
    }

    /** The request's JSON does not fit the operation's input shape (a wrong type, not a wrong value). */
    public static ApiException serialization(String message) {
        return new ApiException(ErrorCode.SERIALIZATION, message);
    }

    public static ApiException client(String message) {
        return new ApiException(ErrorCode.CLIENT, message);
    }

    public static ApiException invalidParameter(String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message);
    }

    public static ApiException clusterNotFound() {
        return new ApiException(ErrorCode.CLUSTER_NOT_FOUND, "Cluster not found.");
    }

    public static ApiException resourceNotFound(String message) {
        return new ApiException(ErrorCode.RESOURCE_NOT_FOUND, message);
    }
}
