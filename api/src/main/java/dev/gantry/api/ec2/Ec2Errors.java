package dev.gantry.api.ec2;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.core.ec2.Ec2Error;

/**
 * EC2's errors: every kind is a 400 under its AWS code (EC2's error codes are documented by AWS, not in botocore's
 * model) except DryRunOperation (412, as EC2 answers a dry run) and Unavailable (503: the engine could not be
 * reached; retry). The credential and protocol errors are {@code ProtocolErrors.EC2}'s.
 */
final class Ec2Errors {

    static final ErrorTable TABLE = build();

    private Ec2Errors() {}

    private static ErrorTable build() {
        ErrorTable.Builder b = ErrorTable.builder();
        for (Ec2Error kind : Ec2Error.values()) {
            b.define(
                    kind,
                    switch (kind) {
                        case DRY_RUN_OPERATION -> 412;
                        case UNAVAILABLE -> 503;
                        default -> 400;
                    });
        }
        return b.build();
    }
}
