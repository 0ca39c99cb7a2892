package dev.gantry.router.health;

import java.util.Objects;
import java.util.Optional;

/** The outcome of one health check of one target. */
public record ProbeResult(Outcome outcome, Optional<Integer> statusCode) {

    /** What a probe saw. */
    public enum Outcome {
        /** Connected (TCP) or got a status the matcher accepts (HTTP). */
        PASSED,
        /** Got an HTTP status the matcher rejects. */
        WRONG_STATUS,
        /** No answer within the check's timeout. */
        TIMED_OUT,
        /** Connection refused or reset, or a malformed answer. */
        FAILED
    }

    public static final ProbeResult PASS = new ProbeResult(Outcome.PASSED, Optional.empty());
    public static final ProbeResult TIMEOUT = new ProbeResult(Outcome.TIMED_OUT, Optional.empty());
    public static final ProbeResult FAILURE = new ProbeResult(Outcome.FAILED, Optional.empty());

    public ProbeResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(statusCode, "statusCode");
    }

    public static ProbeResult passed(int status) {
        return new ProbeResult(Outcome.PASSED, Optional.of(status));
    }

    public static ProbeResult wrongStatus(int status) {
        return new ProbeResult(Outcome.WRONG_STATUS, Optional.of(status));
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
