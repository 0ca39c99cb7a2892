package dev.gantry.api.protocol;

import java.util.Objects;

/**
 * How one error looks on the wire for one service: AWS's error code, the HTTP status and whose fault it is, as
 * botocore's model declares them ({@code "error": {"code", "httpStatusCode", "senderFault"}}).
 */
public record ErrorDefinition(String code, int httpStatus, Fault fault) {

    public ErrorDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fault, "fault");
        if (code.isBlank()) {
            throw new IllegalArgumentException("error code must not be blank");
        }
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("an error's HTTP status is 4xx or 5xx, not " + httpStatus);
        }
        if (fault == Fault.SENDER != httpStatus < 500) {
            throw new IllegalArgumentException(
                    code + ": sender faults are 4xx, receiver faults 5xx (" + httpStatus + " " + fault + ")");
        }
    }

    /** A 400 the sender must fix. */
    public static ErrorDefinition sender(String code) {
        return new ErrorDefinition(code, 400, Fault.SENDER);
    }

    public static ErrorDefinition sender(String code, int httpStatus) {
        return new ErrorDefinition(code, httpStatus, Fault.SENDER);
    }

    public static ErrorDefinition receiver(String code, int httpStatus) {
        return new ErrorDefinition(code, httpStatus, Fault.RECEIVER);
    }
}
