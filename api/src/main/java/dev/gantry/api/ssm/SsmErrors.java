package dev.gantry.api.ssm;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.ssm.SsmError;

/** SSM's errors as botocore's model declares them: every modeled SSM error is a 400 sender fault. */
final class SsmErrors {

    static final ErrorTable TABLE = build();

    private SsmErrors() {}

    private static ErrorTable build() {
        ErrorTable.Builder b = ErrorTable.builder().define(ErrorCode.INVALID_PARAMETER, "ValidationException", 400);
        for (SsmError kind : SsmError.values()) {
            b.define(kind, 400);
        }
        return b.build();
    }
}
