package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.LogConfiguration;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogConfigurationRulesTest {

    static Consumer<Task> log(String driver, Map<String, String> options) {
        return t -> t.container(0).logConfiguration = new LogConfiguration(driver, options);
    }

    static Map<String, String> awslogsWithout(String option) {
        Map<String, String> options = new HashMap<>(TaskDefs.awslogs().options());
        options.remove(option);
        return options;
    }

    static Map<String, String> awslogsWith(String option, String value) {
        Map<String, String> options = new HashMap<>(TaskDefs.awslogs().options());
        options.put(option, value);
        return options;
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("no logConfiguration", t -> t.container(0).logConfiguration = null),
                ok("awslogs with group, region and prefix", t -> t.container(0).logConfiguration = TaskDefs.awslogs()),
                ok("awslogs with extra options", log("awslogs", awslogsWith("awslogs-create-group", "true"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("no driver", log(null, Map.of()), CLIENT, "logConfiguration 'logDriver' is required"),
                bad("empty driver", log("", Map.of()), CLIENT, "'logDriver' is required; Gantry supports \"awslogs\""),
                bad(
                        "json-file is not a Fargate driver",
                        log("json-file", Map.of()),
                        CLIENT,
                        "Log driver 'json-file' is not supported on Fargate, which accepts awslogs, splunk, awsfirelens"),
                bad(
                        "splunk is Fargate but not Gantry",
                        log("splunk", Map.of()),
                        CLIENT,
                        "Log driver 'splunk' is not supported by Gantry yet; Gantry supports \"awslogs\" only"),
                bad("awsfirelens", log("awsfirelens", Map.of()), CLIENT, "Gantry supports \"awslogs\" only"),
                bad(
                        "awslogs without options",
                        log("awslogs", null),
                        CLIENT,
                        "Log driver awslogs requires option 'awslogs-group'"),
                bad(
                        "awslogs without group",
                        log("awslogs", awslogsWithout("awslogs-group")),
                        CLIENT,
                        "requires option 'awslogs-group'"),
                bad(
                        "awslogs without region",
                        log("awslogs", awslogsWithout("awslogs-region")),
                        CLIENT,
                        "requires option 'awslogs-region'"),
                bad(
                        "awslogs without stream prefix",
                        log("awslogs", awslogsWithout("awslogs-stream-prefix")),
                        CLIENT,
                        "requires option 'awslogs-stream-prefix'. On Fargate set all of"),
                bad(
                        "awslogs with blank group",
                        log("awslogs", awslogsWith("awslogs-group", " ")),
                        CLIENT,
                        "requires option 'awslogs-group'"),
                bad(
                        "awslogs group with bad characters",
                        log("awslogs", awslogsWith("awslogs-group", "bad group!*")),
                        CLIENT,
                        "is not a valid log group name"),
                bad(
                        "stream prefix with a colon",
                        log("awslogs", awslogsWith("awslogs-stream-prefix", "p:x")),
                        CLIENT,
                        "may not contain ':' or '*'"),
                bad(
                        "region that is not one",
                        log("awslogs", awslogsWith("awslogs-region", "mars-1")),
                        CLIENT,
                        "is not a region name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }
}
