package dev.gantry.core.run;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.error.ErrorCode.INVALID_PARAMETER;
import static dev.gantry.core.testing.ApiErrors.assertFails;
import static dev.gantry.core.testing.TaskDefs.env;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.RunRequests;
import dev.gantry.core.testing.TaskDefs;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Overrides against a registered 256 CPU / 512 MiB definition with containers "web" and "sidecar". */
class OverrideValidationTest {
    static final TaskDefinition DEF = definition();

    static TaskDefinition definition() {
        TaskDefs.Task t = TaskDefs.task();
        t.container(0).memoryReservation = 256;
        t.add("sidecar").essential = false;
        return t.build();
    }

    static ContainerOverride container(String name, Integer cpu, Integer memory, Integer reservation) {
        return new ContainerOverride(name, null, null, cpu, memory, reservation, null);
    }

    static TaskOverride containers(ContainerOverride... overrides) {
        return new TaskOverride(Arrays.asList(overrides), null, null, null, null);
    }

    static TaskOverride size(String cpu, String memory) {
        return new TaskOverride(null, cpu, memory, null, null);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("no overrides", null),
                arguments("empty overrides", new TaskOverride(null, null, null, null, null)),
                arguments(
                        "command and environment",
                        containers(new ContainerOverride(
                                "web", List.of("echo", "hi"), List.of(env("A", "1")), null, null, null, null))),
                arguments(
                        "both containers",
                        containers(container("web", null, null, null), container("sidecar", 128, null, null))),
                arguments("bigger task", size("1 vCPU", "4 GB")),
                arguments(
                        "bigger task with bigger containers",
                        new TaskOverride(List.of(container("web", 512, 2048, null)), "1024", "4096", null, null)),
                arguments("memory only, still valid for 256 CPU", size(null, "2048")),
                arguments(
                        "roles",
                        new TaskOverride(
                                null,
                                null,
                                null,
                                "arn:aws:iam::123456789012:role/t",
                                "arn:aws:iam::123456789012:role/e")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, TaskOverride overrides) {
        assertThatCode(() -> RunTaskValidator.validateOverrides(DEF, overrides)).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        ErrorCode ip = INVALID_PARAMETER;
        return Stream.of(
                arguments(
                        "unknown container",
                        containers(container("db", null, null, null)),
                        ip,
                        "Override for container named db is not a container in the TaskDefinition. "
                                + "Containers in app: web, sidecar."),
                arguments(
                        "no name",
                        containers(container(null, null, null, null)),
                        ip,
                        "Every container override needs the 'name'"),
                arguments("null override", containers((ContainerOverride) null), ip, "needs the 'name'"),
                arguments(
                        "same container twice",
                        containers(container("web", null, null, null), container("web", null, null, null)),
                        ip,
                        "Container 'web' has more than one override"),
                arguments(
                        "env without name",
                        containers(new ContainerOverride("web", null, List.of(env("", "x")), null, null, null, null)),
                        ip,
                        "every environment entry needs a non-empty 'name'"),
                arguments(
                        "env null entry",
                        containers(new ContainerOverride(
                                "web", null, Arrays.asList((KeyValuePair) null), null, null, null, null)),
                        ip,
                        "non-empty 'name'"),
                arguments(
                        "environment file that is not an S3 ARN",
                        containers(new ContainerOverride(
                                "web",
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(new dev.gantry.core.taskdef.EnvironmentFile("cfg/app.env", "s3")))),
                        ip,
                        "environment file 'cfg/app.env' is not an S3 object ARN"),
                arguments(
                        "null command argument",
                        containers(new ContainerOverride(
                                "web", Arrays.asList("echo", null), null, null, null, null, null)),
                        ip,
                        "command must not contain null"),
                arguments(
                        "negative cpu",
                        containers(container("web", -1, null, null)),
                        ip,
                        "cpu -1 must not be negative"),
                arguments(
                        "task cpu no longer matches memory",
                        size("4096", null),
                        CLIENT,
                        "No Fargate configuration exists for given values: 4096 CPU, 512 memory"),
                arguments(
                        "task memory too big for cpu",
                        size(null, "8 GB"),
                        CLIENT,
                        "With cpu 256 (.25 vCPU) memory must be 512, 1024 or 2048"),
                arguments("unparsable cpu", size("lots", null), CLIENT, "Invalid 'cpu' setting for task."),
                arguments("unparsable memory", size(null, "lots"), CLIENT, "Invalid 'memory' setting for task."),
                arguments(
                        "container memory above task",
                        containers(container("web", null, 1024, null)),
                        CLIENT,
                        "The 'memory' setting for container is greater than for the task: 1024 MiB > 512 MiB"),
                arguments(
                        "container cpu above task",
                        containers(container("sidecar", 512, null, null)),
                        CLIENT,
                        "The containers' cpu adds up to 512 units, more than the task's 256"),
                arguments(
                        "reservation above overridden memory",
                        containers(container("web", null, 128, null)),
                        CLIENT,
                        "'memoryReservation' (256 MiB) is greater than 'memory' (128 MiB)"),
                arguments(
                        "reservations above task",
                        containers(container("sidecar", null, null, 300)),
                        CLIENT,
                        "The containers reserve 556 MiB in total"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, TaskOverride overrides, ErrorCode code, String phrase) {
        assertFails(() -> RunTaskValidator.validateOverrides(DEF, overrides), code, phrase);
    }

    @Test
    void validateRunsRequestChecksThenOverrideChecks() {
        RunRequests r = RunRequests.request();
        r.overrides = containers(container("db", null, null, null));
        assertFails(() -> RunTaskValidator.validate(r.build(), DEF), INVALID_PARAMETER, "container named db");
        r.noNetwork = true;
        assertFails(() -> RunTaskValidator.validate(r.build(), DEF), INVALID_PARAMETER, "Network Configuration");
        RunRequests fine = RunRequests.request();
        assertThatCode(() -> RunTaskValidator.validate(fine.build(), DEF)).doesNotThrowAnyException();
    }
}
