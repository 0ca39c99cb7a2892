package dev.gantry.api.sts;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.core.error.ErrorCode;

/**
 * STS's errors as its botocore model and "Common Errors" page declare them. STS answers a bad parameter value
 * with {@code ValidationError}; everything else it shares with the Query protocol ({@code ProtocolErrors.QUERY}).
 */
final class StsErrors {

    static final ErrorTable TABLE = ErrorTable.builder()
            .define(ErrorCode.INVALID_PARAMETER, "ValidationError", 400)
            .build();

    private StsErrors() {}
}
