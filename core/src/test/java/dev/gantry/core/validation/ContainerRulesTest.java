package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.testing.TaskDefs.env;
import static dev.gantry.core.testing.TaskDefs.ulimit;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Name, image, timeouts, environment, ulimits and unsupported volume fields of one container. */
class ContainerRulesTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("name with digits, _ and -", t -> t.container(0).name = "Web_1-a"),
                ok("255-char name", t -> t.container(0).name = "n".repeat(255)),
                ok("timeouts at the bounds", t -> {
                    t.container(0).startTimeout = 2;
                    t.container(0).stopTimeout = 120;
                }),
                ok(
                        "environment",
                        t -> t.container(0).environment = List.of(env("A", "1"), env("B", ""), env("C", null))),
                ok(
                        "ulimits",
                        t -> t.container(0).ulimits = List.of(ulimit("nofile", 1024, 4096), ulimit("core", 0, 0))),
                ok("soft equals hard", t -> t.container(0).ulimits = List.of(ulimit("nproc", 10, 10))),
                ok(
                        "every ulimit name",
                        t -> t.container(0).ulimits = ContainerRules.ULIMIT_NAMES.stream()
                                .map(n -> ulimit(n, 1, 2))
                                .toList()),
                ok("empty mountPoints and volumesFrom", t -> {
                    t.container(0).mountPoints = List.of();
                    t.container(0).volumesFrom = List.of();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(
                        "name missing",
                        t -> t.container(0).name = null,
                        CLIENT,
                        "Container name is required: container definition #1"),
                bad("second container unnamed", t -> t.add(""), CLIENT, "container definition #2 has no 'name'"),
                bad(
                        "name with a dot",
                        t -> t.container(0).name = "web.1",
                        CLIENT,
                        "Invalid container name 'web.1'. Up to 255 letters"),
                bad("name too long", t -> t.container(0).name = "n".repeat(256), CLIENT, "Invalid container name"),
                bad(
                        "image missing",
                        t -> t.container(0).image = null,
                        CLIENT,
                        "Invalid setting for container 'web'. 'image' is required"),
                bad("image empty", t -> t.container(0).image = "", CLIENT, "'image' is required"),
                bad("image invalid", t -> t.container(0).image = "My/App", CLIENT, "must be lowercase"),
                bad(
                        "startTimeout 1",
                        t -> t.container(0).startTimeout = 1,
                        CLIENT,
                        "'startTimeout' is 1 seconds; on Fargate it must be between 2 and 120"),
                bad("startTimeout 121", t -> t.container(0).startTimeout = 121, CLIENT, "'startTimeout' is 121"),
                bad("stopTimeout 1", t -> t.container(0).stopTimeout = 1, CLIENT, "'stopTimeout' is 1"),
                bad(
                        "stopTimeout 300",
                        t -> t.container(0).stopTimeout = 300,
                        CLIENT,
                        "on Fargate it must be between 2 and 120 seconds"),
                bad(
                        "env without name",
                        t -> t.container(0).environment = List.of(env(null, "x")),
                        CLIENT,
                        "Every 'environment' entry needs a non-empty 'name'"),
                bad(
                        "env with empty name",
                        t -> t.container(0).environment = List.of(env("", "x")),
                        CLIENT,
                        "non-empty 'name'"),
                bad(
                        "env null entry",
                        t -> t.container(0).environment = Arrays.asList((KeyValuePair) null),
                        CLIENT,
                        "non-empty 'name'"),
                bad(
                        "unknown ulimit",
                        t -> t.container(0).ulimits = List.of(ulimit("files", 1, 2)),
                        CLIENT,
                        "Invalid ulimit name 'files'. Valid names: core, cpu"),
                bad(
                        "ulimit without name",
                        t -> t.container(0).ulimits = List.of(ulimit(null, 1, 2)),
                        CLIENT,
                        "Invalid ulimit name 'null'"),
                bad(
                        "ulimit without soft",
                        t -> t.container(0).ulimits = List.of(ulimit("nofile", null, 2)),
                        CLIENT,
                        "needs both 'softLimit' and 'hardLimit'"),
                bad(
                        "ulimit without hard",
                        t -> t.container(0).ulimits = List.of(ulimit("nofile", 1, null)),
                        CLIENT,
                        "needs both 'softLimit' and 'hardLimit'"),
                bad(
                        "ulimit soft > hard",
                        t -> t.container(0).ulimits = List.of(ulimit("nofile", 8192, 4096)),
                        CLIENT,
                        "softLimit 8192 greater than hardLimit 4096"),
                bad(
                        "ulimit negative",
                        t -> t.container(0).ulimits = List.of(ulimit("nofile", -1, 4096)),
                        CLIENT,
                        "must not be negative"),
                bad(
                        "ulimit twice",
                        t -> t.container(0).ulimits = List.of(ulimit("nofile", 1, 2), ulimit("nofile", 1, 2)),
                        CLIENT,
                        "set more than once"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
