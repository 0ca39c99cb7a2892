package dev.gantry.core.run;

import static dev.gantry.core.error.ErrorCode.INVALID_PARAMETER;
import static dev.gantry.core.testing.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.testing.RunRequests;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The request-only rules of RunTask; overrides are in {@link OverrideValidationTest}. */
class RunTaskValidatorTest {

    static Arguments ok(String description, Consumer<RunRequests> change) {
        return arguments(description, change);
    }

    static Arguments bad(String description, Consumer<RunRequests> change, ErrorCode code, String phrase) {
        return arguments(description, change, code, phrase);
    }

    static CapacityProviderStrategyItem item(String provider, Integer weight, Integer base) {
        return new CapacityProviderStrategyItem(provider, weight, base);
    }

    static Consumer<RunRequests> strategy(CapacityProviderStrategyItem... items) {
        return r -> {
            r.launchType = null;
            r.capacityProviderStrategy = Arrays.asList(items);
        };
    }

    static List<String> ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("defaults", r -> {}),
                ok("no launch type", r -> r.launchType = null),
                ok("count 1 and 10", r -> r.count = 10),
                ok("FARGATE strategy", strategy(item("FARGATE", 1, null))),
                ok("FARGATE_SPOT strategy", strategy(item("FARGATE_SPOT", null, null))),
                ok("mixed strategy with one base", strategy(item("FARGATE", 1, 2), item("FARGATE_SPOT", 3, 0))),
                ok("strategy bounds", strategy(item("FARGATE", 1000, 100000), item("FARGATE_SPOT", 0, null))),
                ok("empty strategy with launch type", r -> r.capacityProviderStrategy = List.of()),
                ok("16 subnets and 5 security groups", r -> {
                    r.subnets = ids("subnet-", 16);
                    r.securityGroups = ids("sg-", 5);
                }),
                ok("assignPublicIp ENABLED", r -> r.assignPublicIp = "ENABLED"),
                ok("assignPublicIp DISABLED", r -> r.assignPublicIp = "DISABLED"),
                ok("platform LATEST", r -> r.platformVersion = "LATEST"),
                ok("platform 1.4.0", r -> r.platformVersion = "1.4.0"),
                ok("platform 1.3.0", r -> r.platformVersion = "1.3.0"),
                ok("propagateTags TASK_DEFINITION", r -> r.propagateTags = "TASK_DEFINITION"),
                ok("propagateTags NONE", r -> r.propagateTags = "NONE"),
                ok("startedBy and group", r -> {
                    r.startedBy = "ci/job-1";
                    r.group = "batch:nightly";
                }),
                ok("tags", r -> r.tags = List.of(new Tag("team", "core"))),
                ok("clientToken of 64 printable chars", r -> r.clientToken = "!~" + "a".repeat(62)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<RunRequests> change) {
        RunRequests r = RunRequests.request();
        change.accept(r);
        assertThatCode(() -> RunTaskValidator.validateRequest(r.build())).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        ErrorCode ip = INVALID_PARAMETER;
        return Stream.of(
                bad("no taskDefinition", r -> r.taskDefinition = null, ip, "taskDefinition is required"),
                bad("count 0", r -> r.count = 0, ip, "count is 0; RunTask starts between 1 and 10 tasks"),
                bad("count 11", r -> r.count = 11, ip, "count is 11"),
                bad(
                        "launch type EC2",
                        r -> r.launchType = "EC2",
                        ip,
                        "Launch type 'EC2' is not supported: Gantry runs tasks on FARGATE"),
                bad("launch type EXTERNAL", r -> r.launchType = "EXTERNAL", ip, "Omit launchType or set it to FARGATE"),
                bad("launch type unknown", r -> r.launchType = "fargate", ip, "Invalid launchType 'fargate'"),
                bad(
                        "launch type and strategy",
                        r -> r.capacityProviderStrategy = List.of(item("FARGATE", 1, null)),
                        ip,
                        "Specifying both a launch type and capacity provider strategy is not supported. "
                                + "Remove one and try again."),
                bad(
                        "unknown provider",
                        strategy(item("my-asg", 1, null)),
                        ip,
                        "Capacity provider 'my-asg' is not available. Gantry provides FARGATE and FARGATE_SPOT"),
                bad("provider missing", strategy(item(null, 1, null)), ip, "Capacity provider 'null'"),
                bad("null item", strategy((CapacityProviderStrategyItem) null), ip, "is not available"),
                bad(
                        "provider twice",
                        strategy(item("FARGATE", 1, null), item("FARGATE", 1, null)),
                        ip,
                        "appears more than once"),
                bad("weight 1001", strategy(item("FARGATE", 1001, null)), ip, "weight must be between 0 and 1000"),
                bad("weight -1", strategy(item("FARGATE", -1, null)), ip, "weight -1"),
                bad("base 100001", strategy(item("FARGATE", 1, 100001)), ip, "base must be between 0 and 100000"),
                bad(
                        "two bases",
                        strategy(item("FARGATE", 1, 1), item("FARGATE_SPOT", 1, 1)),
                        ip,
                        "Only one capacity provider in a strategy can have a base"),
                bad(
                        "all weights zero",
                        strategy(item("FARGATE", 0, null), item("FARGATE_SPOT", null, null)),
                        ip,
                        "at least one must have a weight greater than 0"),
                bad(
                        "21 items",
                        r -> {
                            r.launchType = null;
                            r.capacityProviderStrategy = Collections.nCopies(21, item("FARGATE", 1, null));
                        },
                        ip,
                        "capacityProviderStrategy has 21 items; the maximum is 20"),
                bad(
                        "no networkConfiguration",
                        r -> r.noNetwork = true,
                        ip,
                        "Network Configuration must be provided when networkMode 'awsvpc' is specified."),
                bad("no awsvpcConfiguration", r -> r.noAwsvpc = true, ip, "Network Configuration must be provided"),
                bad("no subnets", r -> r.subnets = null, ip, "subnets can not be empty."),
                bad("empty subnets", r -> r.subnets = List.of(), ip, "subnets can not be empty."),
                bad("17 subnets", r -> r.subnets = ids("subnet-", 17), ip, "subnets has 17 items; the maximum is 16"),
                bad("blank subnet", r -> r.subnets = List.of(" "), ip, "subnets contains an empty entry"),
                bad(
                        "6 security groups",
                        r -> r.securityGroups = ids("sg-", 6),
                        ip,
                        "securityGroups has 6 items; the maximum is 5"),
                bad(
                        "null security group",
                        r -> r.securityGroups = Arrays.asList((String) null),
                        ip,
                        "securityGroups contains an empty entry"),
                bad(
                        "assignPublicIp lower case",
                        r -> r.assignPublicIp = "enabled",
                        ip,
                        "Invalid assignPublicIp 'enabled'. Valid values are ENABLED and DISABLED"),
                bad(
                        "platform 1.2.0",
                        r -> r.platformVersion = "1.2.0",
                        ip,
                        "Platform version '1.2.0' is not supported. Use LATEST, 1.4.0, 1.3.0"),
                bad(
                        "propagateTags SERVICE",
                        r -> r.propagateTags = "SERVICE",
                        ip,
                        "propagateTags SERVICE is only valid for tasks started by a service"),
                bad("propagateTags unknown", r -> r.propagateTags = "ALL", ip, "Invalid propagateTags 'ALL'"),
                bad("startedBy with a space", r -> r.startedBy = "ci job", ip, "Invalid startedBy 'ci job'"),
                bad("startedBy too long", r -> r.startedBy = "s".repeat(129), ip, "Up to 128 letters"),
                bad("group too long", r -> r.group = "g".repeat(256), ip, "1 to 255 characters"),
                bad("reserved tag", r -> r.tags = List.of(new Tag("aws:x", "y")), ip, "reserved prefix 'aws:'"),
                bad(
                        "too many tags",
                        r -> r.tags = IntStream.range(0, 51)
                                .mapToObj(i -> new Tag("k" + i, "v"))
                                .toList(),
                        ip,
                        "at most 50 tags"),
                bad("clientToken with space", r -> r.clientToken = "a b", ip, "Invalid clientToken"),
                bad("clientToken empty", r -> r.clientToken = "", ip, "1 to 64 printable ASCII characters"),
                bad("clientToken 65 chars", r -> r.clientToken = "a".repeat(65), ip, "Invalid clientToken"),
                bad("clientToken non-ASCII", r -> r.clientToken = "tökén", ip, "codes 33-126"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<RunRequests> change, ErrorCode code, String phrase) {
        RunRequests r = RunRequests.request();
        change.accept(r);
        RunTaskRequest request = r.build();
        assertFails(() -> RunTaskValidator.validateRequest(request), code, phrase);
    }
}
