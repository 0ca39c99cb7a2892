package dev.gantry.core.error;

/**
 * An error a client should see: a named AWS error type and a message that says what to change.
 * Anything else that escapes a handler is a bug and is reported as an internal failure without details.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
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
