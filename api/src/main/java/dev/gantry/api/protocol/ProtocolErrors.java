package dev.gantry.api.protocol;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.error.ErrorKind;

/**
 * The errors every service of a protocol shares (authentication, framing, unknown actions, internal failures),
 * named as AWS names them in that protocol. A service's own table is consulted first, so a service can override
 * any of these. Sources: AWS's "Common Errors" pages and the botocore models (STS, IAM, EC2).
 */
public final class ProtocolErrors {

    /** Protocol-level kinds that exist only on the Query side of the house. */
    public enum Kind implements ErrorKind {
        /** A Query request without {@code Action}. */
        MISSING_ACTION("MissingAction"),
        /** A Query request whose {@code Version} is not the service's API version. */
        INVALID_VERSION("InvalidAction");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** AWS JSON 1.0/1.1: the names Gantry has always answered with. */
    public static final ErrorTable JSON = ErrorTable.builder()
            .define(ErrorCode.MISSING_AUTHENTICATION_TOKEN, 403)
            .define(ErrorCode.INCOMPLETE_SIGNATURE, 400)
            .define(ErrorCode.INVALID_SIGNATURE, 403)
            .define(ErrorCode.UNRECOGNIZED_CLIENT, 403)
            .define(ErrorCode.ACCESS_DENIED, 400)
            .define(ErrorCode.EXPIRED_TOKEN, 400)
            .define(ErrorCode.SERIALIZATION, 400)
            .define(ErrorCode.UNKNOWN_OPERATION, 400)
            .define(ErrorCode.INTERNAL_FAILURE, 500)
            .build();

    /** AWS Query (STS, IAM, ELBv2, SQS's Query side): {@code <ErrorResponse><Error><Type>…}. */
    public static final ErrorTable QUERY = ErrorTable.builder()
            .define(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "MissingAuthenticationToken", 403)
            .define(ErrorCode.INCOMPLETE_SIGNATURE, "IncompleteSignature", 400)
            .define(ErrorCode.INVALID_SIGNATURE, "SignatureDoesNotMatch", 403)
            .define(ErrorCode.UNRECOGNIZED_CLIENT, "InvalidClientTokenId", 403)
            .define(ErrorCode.ACCESS_DENIED, "AccessDenied", 403)
            .define(ErrorCode.EXPIRED_TOKEN, "ExpiredToken", 403)
            .define(ErrorCode.SERIALIZATION, "InvalidQueryParameter", 400)
            .define(ErrorCode.UNKNOWN_OPERATION, "InvalidAction", 400)
            .define(ErrorCode.INVALID_PARAMETER, "InvalidParameterValue", 400)
            .define(ErrorCode.INTERNAL_FAILURE, "InternalFailure", 500)
            .define(ErrorCode.THROTTLING, "Throttling", 400)
            .define(Kind.MISSING_ACTION, 400)
            .define(Kind.INVALID_VERSION, 400)
            .build();

    /**
     * EC2's Query dialect: every credential problem is {@code AuthFailure} (401), and a bug is
     * {@code InternalError}.
     */
    public static final ErrorTable EC2 = ErrorTable.builder()
            .define(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "MissingAuthenticationToken", 401)
            .define(ErrorCode.INCOMPLETE_SIGNATURE, "IncompleteSignature", 400)
            .define(ErrorCode.INVALID_SIGNATURE, "AuthFailure", 401)
            .define(ErrorCode.UNRECOGNIZED_CLIENT, "AuthFailure", 401)
            .define(ErrorCode.ACCESS_DENIED, "UnauthorizedOperation", 403)
            .define(ErrorCode.EXPIRED_TOKEN, "RequestExpired", 400)
            .define(ErrorCode.SERIALIZATION, "InvalidParameterValue", 400)
            .define(ErrorCode.UNKNOWN_OPERATION, "InvalidAction", 400)
            .define(ErrorCode.INVALID_PARAMETER, "InvalidParameterValue", 400)
            .define(ErrorCode.INTERNAL_FAILURE, "InternalError", 500)
            .define(ErrorCode.THROTTLING, "RequestLimitExceeded", 503)
            .define(Kind.MISSING_ACTION, 400)
            .define(Kind.INVALID_VERSION, 400)
            .build();

    private ProtocolErrors() {}
}
