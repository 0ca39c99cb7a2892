package dev.gantry.server.doctor;

import java.util.Objects;
import java.util.Optional;

/** The verdict of one check: what was found and, unless all is well, what to do. */
public record Finding(String check, Level level, String detail, Optional<String> fix) {

    /** OK: nothing to do. WARN: works, with a limit worth knowing. FAIL: Gantry cannot work until fixed. */
    public enum Level {
        OK,
        WARN,
        FAIL
    }

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    static Finding ok(String check, String detail) {
        return new Finding(check, Level.OK, detail, Optional.empty());
    }

    static Finding warn(String check, String detail, String fix) {
        return new Finding(check, Level.WARN, detail, Optional.of(fix));
    }

    static Finding fail(String check, String detail, String fix) {
        return new Finding(check, Level.FAIL, detail, Optional.of(fix));
    }
}
