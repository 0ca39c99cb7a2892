package dev.gantry.core.error;

/**
 * Every error Gantry can return to an AWS client, with the wire name AWS uses and the HTTP status.
 *
 * <p>This is the single place error names live; the API edge turns an {@link ApiException} into
 * {@code {"__type": wireName, "message": ...}}.
 */
public enum ErrorCode {
    // Common to all JSON services (authentication and protocol)
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400),
    INVALID_SIGNATURE("InvalidSignatureException", 403),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),
    SERIALIZATION("SerializationException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    INTERNAL_FAILURE("InternalFailure", 500),

    // ECS
    CLIENT("ClientException", 400),
    INVALID_PARAMETER("InvalidParameterException", 400),
    CLUSTER_NOT_FOUND("ClusterNotFoundException", 400),
    CLUSTER_CONTAINS_TASKS("ClusterContainsTasksException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    CONFLICT("ConflictException", 400),

    // CloudWatch Logs (ResourceNotFound and InvalidParameter share names with ECS)
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException", 400);

    private final String wireName;
    private final int httpStatus;

    ErrorCode(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
