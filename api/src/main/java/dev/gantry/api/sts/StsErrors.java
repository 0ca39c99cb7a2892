package dev.gantry.api.sts;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.control.iam.IamError;
import dev.gantry.core.error.ErrorCode;

/**
 * STS's errors as its botocore model and "Common Errors" page declare them. STS answers a bad parameter value
 * with {@code ValidationError}, an unreadable session policy with {@code MalformedPolicyDocument}, a session key past
 * its end with {@code ExpiredTokenException} (its model's name, not the Query protocol's {@code ExpiredToken});
 * everything else it shares with the Query protocol ({@code ProtocolErrors.QUERY}).
 */
final class StsErrors {

    static final ErrorTable TABLE = ErrorTable.builder()
            .define(ErrorCode.INVALID_PARAMETER, "ValidationError", 400)
            .define(IamError.MALFORMED_POLICY_DOCUMENT, 400)
            .define(ErrorCode.EXPIRED_TOKEN, "ExpiredTokenException", 400)
            .build();

    private StsErrors() {}
}
