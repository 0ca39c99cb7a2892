package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.error.ErrorCode.INVALID_PARAMETER;
import static dev.gantry.core.testing.ApiErrors.assertFails;
import static dev.gantry.core.testing.TaskDefs.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Task-level rules; container-level rules have their own tests. */
class TaskDefinitionValidatorTest {

    static TaskDefinition build(Consumer<Task> change) {
        Task t = task();
        change.accept(t);
        return t.build();
    }

    @Test
    void aMinimalFargateDefinitionPassesUnchangedButForSize() {
        TaskDefinition def = task().build();
        assertThat(TaskDefinitionValidator.validateAndNormalize(def)).isEqualTo(def);
    }

    static Stream<Arguments> valid() {
        return Stream.<Arguments>of(
                arguments("vCPU and GB strings", (Consumer<Task>) t -> {
                    t.cpu = "1 vCPU";
                    t.memory = "2 GB";
                }),
                arguments("no requiresCompatibilities", (Consumer<Task>) t -> t.requiresCompatibilities = null),
                arguments("EC2-only compatibilities still run as Fargate", (Consumer<Task>)
                        t -> t.requiresCompatibilities = List.of("EC2")),
                arguments("all four compatibilities", (Consumer<Task>)
                        t -> t.requiresCompatibilities = List.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")),
                arguments("empty volumes and constraints", (Consumer<Task>) t -> {
                    t.volumes = List.of();
                    t.placementConstraints = List.of();
                }),
                arguments("ten containers", (Consumer<Task>) t -> {
                    for (int i = 1; i < 10; i++) {
                        t.add("c" + i);
                    }
                }),
                arguments("largest size", (Consumer<Task>) t -> {
                    t.cpu = "16 vCPU";
                    t.memory = "120 GB";
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptsValidDefinitions(String description, Consumer<Task> change) {
        TaskDefinition def = build(change);
        TaskDefinition out = TaskDefinitionValidator.validateAndNormalize(def);
        assertThat(out.cpu()).isEqualTo(FargateSizes.normalizeCpu(def.cpu()));
        assertThat(out.memory()).isEqualTo(FargateSizes.normalizeMemory(def.memory()));
        assertThat(out.withSize(def.cpu(), def.memory())).isEqualTo(def);
    }

    @Test
    void normalizesCpuAndMemoryStrings() {
        TaskDefinition out = TaskDefinitionValidator.validateAndNormalize(build(t -> {
            t.cpu = ".5 vCPU";
            t.memory = "3GB";
        }));
        assertThat(out.cpu()).isEqualTo("512");
        assertThat(out.memory()).isEqualTo("3072");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                row("family missing", t -> t.family = null, CLIENT, "Family is required"),
                row("family with a space", t -> t.family = "my app", CLIENT, "Family contains invalid characters"),
                row("family too long", t -> t.family = "f".repeat(256), CLIENT, "Up to 255 letters"),
                row(
                        "containerDefinitions absent",
                        t -> t.nullContainers = true,
                        CLIENT,
                        "Container list cannot be empty"),
                row(
                        "containerDefinitions empty",
                        t -> t.rawContainers = List.of(),
                        CLIENT,
                        "Container list cannot be empty"),
                row(
                        "eleven containers",
                        t -> {
                            for (int i = 1; i <= 10; i++) {
                                t.add("c" + i);
                            }
                        },
                        CLIENT,
                        "at most 10 container definitions, but 11"),
                row(
                        "null container entry",
                        t -> t.rawContainers = Arrays.asList((ContainerDefinition) null),
                        CLIENT,
                        "Container definition #1 is empty"),
                row(
                        "unknown compatibility",
                        t -> t.requiresCompatibilities = List.of("FARGATE", "LAMBDA"),
                        CLIENT,
                        "Invalid requiresCompatibilities value 'LAMBDA'. Valid values: EC2, FARGATE, EXTERNAL"),
                row(
                        "networkMode absent",
                        t -> t.networkMode = null,
                        CLIENT,
                        "Fargate only supports network mode \u2018awsvpc\u2019."),
                row("networkMode absent says bridge", t -> t.networkMode = null, CLIENT, "which means 'bridge'"),
                row("networkMode bridge", t -> t.networkMode = "bridge", CLIENT, "set \"networkMode\": \"awsvpc\""),
                row("networkMode host", t -> t.networkMode = "host", CLIENT, "networkMode is 'host'"),
                row("networkMode none", t -> t.networkMode = "none", CLIENT, "only supports network mode"),
                row(
                        "cpu missing",
                        t -> t.cpu = null,
                        CLIENT,
                        "Fargate requires that 'cpu' be defined at the task level."),
                row("cpu blank", t -> t.cpu = " ", CLIENT, "'cpu' be defined at the task level"),
                row(
                        "memory missing",
                        t -> t.memory = null,
                        CLIENT,
                        "Fargate requires that 'memory' be defined at the task level."),
                row("cpu unparsable", t -> t.cpu = "fast", CLIENT, "Invalid 'cpu' setting for task."),
                row("memory unparsable", t -> t.memory = "big", CLIENT, "Invalid 'memory' setting for task."),
                row("cpu not a Fargate size", t -> t.cpu = "384", CLIENT, "Fargate supports cpu 256 (.25 vCPU)"),
                row(
                        "memory too big for cpu",
                        t -> t.memory = "4 GB",
                        CLIENT,
                        "No Fargate configuration exists for given values: 256 CPU, 4096 memory"),
                row(
                        "placement constraints",
                        t -> t.placementConstraints = List.of(Map.of("type", "memberOf")),
                        CLIENT,
                        "remove 'placementConstraints'"),
                row("duplicate container names", t -> t.add("web"), CLIENT, "Duplicate container name 'web'"),
                row(
                        "no essential container",
                        t -> t.container(0).essential = false,
                        CLIENT,
                        "must have at least one essential container"));
    }

    static Arguments row(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        return arguments(description, change, code, phrase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidDefinitions(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        TaskDefinition def = build(change);
        assertFails(() -> TaskDefinitionValidator.validateAndNormalize(def), code, phrase);
    }

    @Test
    void essentialDefaultsToTrueSoOneEssentialAmongNonEssentialsPasses() {
        TaskDefinition def = build(t -> t.add("sidecar").essential = false);
        assertThat(TaskDefinitionValidator.validateAndNormalize(def).containers())
                .hasSize(2);
    }

    @Test
    void checksTagsWithTheDefinition() {
        TaskDefinition def = task().build();
        assertThat(TaskDefinitionValidator.validateAndNormalize(def, List.of(new Tag("team", "core"))))
                .isEqualTo(def);
        assertThat(TaskDefinitionValidator.validateAndNormalize(def, null)).isEqualTo(def);
        List<Tag> reserved = new ArrayList<>(List.of(new Tag("aws:x", "y")));
        assertFails(() -> TaskDefinitionValidator.validateAndNormalize(def, reserved), INVALID_PARAMETER, "aws:");
    }

    @Test
    void definitionErrorsWinOverTagErrors() {
        TaskDefinition def = build(t -> t.networkMode = null);
        List<Tag> reserved = List.of(new Tag("aws:x", "y"));
        assertFails(() -> TaskDefinitionValidator.validateAndNormalize(def, reserved), CLIENT, "awsvpc");
    }

    @Test
    void validateResourcesChecksOnlySizeAndContainerResources() {
        TaskDefinition ok = build(t -> {
            t.cpu = "1 vCPU";
            t.memory = "2048";
            t.family = "bad family";
        });
        assertThat(TaskDefinitionValidator.validateResources(ok).cpu()).isEqualTo("1024");
        TaskDefinition tooMuch = build(t -> t.container(0).memory = 1024);
        assertFails(
                () -> TaskDefinitionValidator.validateResources(tooMuch),
                CLIENT,
                "The 'memory' setting for container is greater than for the task");
        TaskDefinition noCpu = build(t -> t.cpu = null);
        assertFails(() -> TaskDefinitionValidator.validateResources(noCpu), CLIENT, "'cpu' be defined");
    }
}
