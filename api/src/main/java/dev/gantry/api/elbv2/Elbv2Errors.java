package dev.gantry.api.elbv2;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.lb.LbError;

/**
 * ELBv2's errors as botocore's model declares them (every modeled ELBv2 error is a 400 sender fault under its
 * Query code); a bad parameter value is the Query services' {@code ValidationError}.
 */
final class Elbv2Errors {

    static final ErrorTable TABLE = build();

    private Elbv2Errors() {}

    private static ErrorTable build() {
        ErrorTable.Builder b = ErrorTable.builder().define(ErrorCode.INVALID_PARAMETER, "ValidationError", 400);
        for (LbError kind : LbError.values()) {
            b.define(kind, 400);
        }
        return b.build();
    }
}
