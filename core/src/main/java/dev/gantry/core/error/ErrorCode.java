package dev.gantry.core.error;

/**
 * The error kinds core and every service share, each with the name AWS's JSON services give it.
 *
 * <p>Core says only what went wrong. How a service shows it on the wire (its AWS error code, HTTP status, and
 * whether the sender or the receiver is at fault) is that service's error table in {@code api/}; the Query
 * protocol, for example, names {@link #INVALID_SIGNATURE} {@code SignatureDoesNotMatch}.
 */
public enum ErrorCode implements ErrorKind {
    // Common to all services (authentication and protocol)
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
    INVALID_SIGNATURE("InvalidSignatureException"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
    SERIALIZATION("SerializationException"),
    UNKNOWN_OPERATION("UnknownOperationException"),
    INTERNAL_FAILURE("InternalFailure"),
    THROTTLING("ThrottlingException"),
    REQUEST_TIMEOUT("RequestTimeout"),
    /** No identity-based policy allows the call, or one denies it (JSON: AccessDeniedException; Query: AccessDenied). */
    ACCESS_DENIED("AccessDeniedException"),
    /** A session key whose session has ended (JSON: ExpiredTokenException; Query: ExpiredToken). */
    EXPIRED_TOKEN("ExpiredTokenException"),

    // ECS
    CLIENT("ClientException"),
    INVALID_PARAMETER("InvalidParameterException"),
    CLUSTER_NOT_FOUND("ClusterNotFoundException"),
    CLUSTER_CONTAINS_TASKS("ClusterContainsTasksException"),
    RESOURCE_NOT_FOUND("ResourceNotFoundException"),
    CONFLICT("ConflictException"),

    // CloudWatch Logs (ResourceNotFound and InvalidParameter share names with ECS)
    RESOURCE_ALREADY_EXISTS("ResourceAlreadyExistsException");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
