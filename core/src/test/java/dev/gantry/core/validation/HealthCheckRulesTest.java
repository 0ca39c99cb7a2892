package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.HealthCheck;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthCheckRulesTest {

    static Consumer<Task> check(
            List<String> command, Integer interval, Integer timeout, Integer retries, Integer startPeriod) {
        return t -> t.container(0).healthCheck = new HealthCheck(command, interval, timeout, retries, startPeriod);
    }

    static Consumer<Task> cmd(String... command) {
        return check(Arrays.asList(command), null, null, null, null);
    }

    static final List<String> SHELL = List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1");

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("CMD-SHELL", cmd("CMD-SHELL", "curl -f http://localhost/ || exit 1")),
                ok("CMD with arguments", cmd("CMD", "/bin/check", "--quick")),
                ok("bare command is run as CMD", cmd("/bin/check", "--quick")),
                ok("bare single command", cmd("/healthz")),
                ok("lower bounds", check(SHELL, 5, 2, 1, 0)),
                ok("upper bounds", check(SHELL, 300, 60, 10, 300)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("no command", check(null, null, null, null, null), CLIENT, "healthCheck 'command' is required"),
                bad("empty command", cmd(), CLIENT, "healthCheck 'command' is required"),
                bad("CMD alone", cmd("CMD"), CLIENT, "[\"CMD\"] has nothing to run"),
                bad("CMD-SHELL alone", cmd("CMD-SHELL"), CLIENT, "[\"CMD-SHELL\"] has nothing to run"),
                bad("CMD-SHELL with blank", cmd("CMD-SHELL", " "), CLIENT, "has nothing to run"),
                bad("blank first element", cmd("", "x"), CLIENT, "not an empty string"),
                bad(
                        "interval 4",
                        check(SHELL, 4, null, null, null),
                        CLIENT,
                        "healthCheck 'interval' is 4 seconds; it must be between 5 and 300 seconds"),
                bad("interval 301", check(SHELL, 301, null, null, null), CLIENT, "'interval' is 301"),
                bad(
                        "timeout 1",
                        check(SHELL, null, 1, null, null),
                        CLIENT,
                        "'timeout' is 1 seconds; it must be between 2 and 60"),
                bad("timeout 61", check(SHELL, null, 61, null, null), CLIENT, "'timeout' is 61"),
                bad(
                        "retries 0",
                        check(SHELL, null, null, 0, null),
                        CLIENT,
                        "'retries' is 0; it must be between 1 and 10"),
                bad("retries 11", check(SHELL, null, null, 11, null), CLIENT, "'retries' is 11"),
                bad("startPeriod -1", check(SHELL, null, null, null, -1), CLIENT, "'startPeriod' is -1 seconds"),
                bad("startPeriod 301", check(SHELL, null, null, null, 301), CLIENT, "between 0 and 300 seconds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
