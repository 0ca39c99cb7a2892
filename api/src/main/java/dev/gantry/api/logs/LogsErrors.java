package dev.gantry.api.logs;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.core.error.ErrorCode;

/** The errors CloudWatch Logs' handlers raise, as botocore's model declares them: 400 sender faults. */
final class LogsErrors {

    static final ErrorTable TABLE = ErrorTable.builder()
            .define(ErrorCode.INVALID_PARAMETER, 400)
            .define(ErrorCode.RESOURCE_NOT_FOUND, 400)
            .define(ErrorCode.RESOURCE_ALREADY_EXISTS, 400)
            .build();

    private LogsErrors() {}
}
