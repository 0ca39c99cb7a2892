package dev.gantry.core.secret;

import dev.gantry.core.error.ErrorKind;

/**
 * The error kinds only Secrets Manager raises, named as its botocore model names them. ResourceNotFoundException
 * and InvalidParameterException are the shared {@link dev.gantry.core.error.ErrorCode} kinds.
 */
public enum SecretErrorKind implements ErrorKind {
    RESOURCE_EXISTS("ResourceExistsException"),
    INVALID_REQUEST("InvalidRequestException"),
    LIMIT_EXCEEDED("LimitExceededException"),
    INVALID_NEXT_TOKEN("InvalidNextTokenException"),
    DECRYPTION_FAILURE("DecryptionFailure"),
    INTERNAL_SERVICE_ERROR("InternalServiceError");

    private final String wireName;

    SecretErrorKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
