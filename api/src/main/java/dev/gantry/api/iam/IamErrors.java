package dev.gantry.api.iam;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.control.iam.IamError;
import dev.gantry.core.error.ErrorCode;

/**
 * IAM's errors as botocore's iam-2010-05-08 model declares them (code, HTTP status); a bad parameter value is the
 * Query services' {@code ValidationError}. Everything else is the Query protocol's ({@code ProtocolErrors.QUERY}).
 */
final class IamErrors {

    static final ErrorTable TABLE = ErrorTable.builder()
            .define(ErrorCode.INVALID_PARAMETER, "ValidationError", 400)
            .define(IamError.NO_SUCH_ENTITY, 404)
            .define(IamError.ENTITY_ALREADY_EXISTS, 409)
            .define(IamError.MALFORMED_POLICY_DOCUMENT, 400)
            .define(IamError.DELETE_CONFLICT, 409)
            .define(IamError.LIMIT_EXCEEDED, 409)
            .build();

    private IamErrors() {}
}
