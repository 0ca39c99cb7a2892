package dev.gantry.api.secretsmanager;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.secret.SecretErrorKind;

/** Secrets Manager's errors as its botocore model declares them: 400 sender faults but InternalServiceError. */
final class SecretsErrors {

    static final ErrorTable TABLE = ErrorTable.builder()
            .define(ErrorCode.INVALID_PARAMETER, 400)
            .define(ErrorCode.RESOURCE_NOT_FOUND, 400)
            .define(SecretErrorKind.RESOURCE_EXISTS, 400)
            .define(SecretErrorKind.INVALID_REQUEST, 400)
            .define(SecretErrorKind.LIMIT_EXCEEDED, 400)
            .define(SecretErrorKind.INVALID_NEXT_TOKEN, 400)
            .define(SecretErrorKind.DECRYPTION_FAILURE, 400)
            .define(SecretErrorKind.INTERNAL_SERVICE_ERROR, 500)
            .build();

    private SecretsErrors() {}
}
