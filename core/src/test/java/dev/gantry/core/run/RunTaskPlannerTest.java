package dev.gantry.core.run;

import static dev.gantry.core.testing.TaskDefs.env;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.KeyValuePair;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.Overrides;
import dev.gantry.core.testing.RunRequests;
import dev.gantry.core.testing.TaskDefs;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunTaskPlannerTest {
    static final TaskDefinition DEF = definition();

    static TaskDefinition definition() {
        TaskDefs.Task t = TaskDefs.task();
        t.taskRoleArn = "arn:aws:iam::123456789012:role/task";
        t.executionRoleArn = "arn:aws:iam::123456789012:role/exec";
        TaskDefs.Container web = t.container(0);
        web.command = List.of("serve");
        web.environment = List.of(env("A", "1"), env("B", "2"));
        web.cpu = 128;
        web.memory = 256;
        web.memoryReservation = 128;
        t.add("sidecar").command = List.of("tail");
        return t.build();
    }

    static ContainerDefinition container(TaskDefinition def, String name) {
        return def.containers().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void noOverridesLeaveTheDefinitionAlone() {
        assertThat(RunTaskPlanner.effectiveDefinition(DEF, null)).isSameAs(DEF);
        assertThat(RunTaskPlanner.effectiveDefinition(DEF, Overrides.task().build()))
                .isEqualTo(DEF);
        assertThat(RunTaskPlanner.effectiveDefinition(
                        DEF,
                        Overrides.task()
                                .containerOverrides(List.of())
                                .cpu(" ")
                                .memory("")
                                .build()))
                .isEqualTo(DEF);
    }

    @Test
    void containerOverridesReplaceCommandAndResourcesOfTheNamedContainerOnly() {
        TaskOverride o = Overrides.task()
                .containers(Overrides.container("web")
                        .command("migrate", "--up")
                        .cpu(64)
                        .memory(300)
                        .memoryReservation(200))
                .build();
        TaskDefinition out = RunTaskPlanner.effectiveDefinition(DEF, o);
        ContainerDefinition web = container(out, "web");
        assertThat(web.command()).containsExactly("migrate", "--up");
        assertThat(web.cpu()).isEqualTo(64);
        assertThat(web.memory()).isEqualTo(300);
        assertThat(web.memoryReservation()).isEqualTo(200);
        assertThat(web.environment()).isEqualTo(container(DEF, "web").environment());
        assertThat(web.image()).isEqualTo("nginx:1.27");
        assertThat(container(out, "sidecar")).isEqualTo(container(DEF, "sidecar"));
        assertThat(out.cpu()).isEqualTo(DEF.cpu());
    }

    @Test
    void absentOrEmptyOverrideFieldsKeepTheDefinitionValues() {
        TaskOverride o = Overrides.task()
                .containers(Overrides.container("web").command(List.of()).environment(List.of()))
                .build();
        assertThat(container(RunTaskPlanner.effectiveDefinition(DEF, o), "web")).isEqualTo(container(DEF, "web"));
    }

    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of("replace one", List.of(env("B", "two")), List.of(env("A", "1"), env("B", "two"))),
                Arguments.of("add one", List.of(env("C", "3")), List.of(env("A", "1"), env("B", "2"), env("C", "3"))),
                Arguments.of(
                        "replace and add, definition order first",
                        List.of(env("C", "3"), env("A", "one")),
                        List.of(env("A", "one"), env("B", "2"), env("C", "3"))),
                Arguments.of(
                        "last duplicate wins",
                        List.of(env("C", "x"), env("C", "y")),
                        List.of(env("A", "1"), env("B", "2"), env("C", "y"))),
                Arguments.of("empty value replaces", List.of(env("A", "")), List.of(env("A", ""), env("B", "2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void environmentOverridesMergeByName(String description, List<KeyValuePair> override, List<KeyValuePair> expected) {
        TaskOverride o = Overrides.task()
                .containers(Overrides.container("web").environment(override))
                .build();
        assertThat(container(RunTaskPlanner.effectiveDefinition(DEF, o), "web").environment())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void environmentOverrideOnAContainerWithoutEnvironment() {
        assertThat(RunTaskPlanner.mergeEnvironment(null, List.of(env("X", "1"))))
                .containsExactly(env("X", "1"));
        assertThat(RunTaskPlanner.mergeEnvironment(List.of(env("X", "1")), null))
                .containsExactly(env("X", "1"));
    }

    @Test
    void taskSizeOverridesAreNormalised() {
        TaskDefinition out = RunTaskPlanner.effectiveDefinition(
                DEF, Overrides.task().cpu("1 vCPU").memory("2 GB").build());
        assertThat(out.cpu()).isEqualTo("1024");
        assertThat(out.memory()).isEqualTo("2048");
        TaskDefinition memoryOnly = RunTaskPlanner.effectiveDefinition(
                DEF, Overrides.task().memory("1GB").build());
        assertThat(memoryOnly.cpu()).isEqualTo("256");
        assertThat(memoryOnly.memory()).isEqualTo("1024");
    }

    @Test
    void roleOverridesReplaceOnlyWhatIsGiven() {
        TaskDefinition out = RunTaskPlanner.effectiveDefinition(
                DEF,
                Overrides.task()
                        .taskRoleArn("arn:aws:iam::123456789012:role/other")
                        .build());
        assertThat(out.taskRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/other");
        assertThat(out.executionRoleArn()).isEqualTo(DEF.executionRoleArn());
    }

    @Test
    void overridesForUnknownContainersAreIgnoredByThePlanner() {
        TaskOverride o = Overrides.task()
                .containers(Overrides.container("db").command("x"))
                .build();
        assertThat(RunTaskPlanner.effectiveDefinition(DEF, o).containers()).isEqualTo(DEF.containers());
    }

    @Test
    void groupDefaultsToFamily() {
        RunRequests r = RunRequests.request();
        assertThat(RunTaskPlanner.group(r.build(), DEF)).isEqualTo("family:app");
        r.group = "batch";
        assertThat(RunTaskPlanner.group(r.build(), DEF)).isEqualTo("batch");
    }

    @Test
    void theRequestRecordHasEcsDefaults() {
        RunTaskRequest request = RunRequests.request().build(); // count, tags, capacityProviderStrategy absent
        assertThat(request.countOrDefault()).isEqualTo(1);
        assertThat(request.tagsOrEmpty()).isEmpty();
        assertThat(request.capacityProviderStrategyOrEmpty()).isEmpty();
        assertThat(new AwsVpcConfiguration(null, null, null).assignPublicIpOrDefault())
                .isEqualTo("DISABLED");
        assertThat(new CapacityProviderStrategyItem("FARGATE", null, null).weightOrDefault())
                .isZero();
    }

    @Test
    void environmentFilesOverridesReplaceTheContainers() {
        var defFile = new dev.gantry.core.taskdef.EnvironmentFile("arn:aws:s3:::cfg/def.env", "s3");
        var runFile = new dev.gantry.core.taskdef.EnvironmentFile("arn:aws:s3:::cfg/run.env", "s3");
        TaskDefinition def =
                DEF.withContainerDefinitions(List.of(container(DEF, "web").withEnvironmentFiles(List.of(defFile))));
        TaskDefinition out = RunTaskPlanner.effectiveDefinition(
                def,
                Overrides.task()
                        .containers(Overrides.container("web").environmentFiles(runFile))
                        .build());
        assertThat(container(out, "web").environmentFiles()).containsExactly(runFile);
        assertThat(container(
                                RunTaskPlanner.effectiveDefinition(
                                        def,
                                        Overrides.task()
                                                .containers(Overrides.container("web")
                                                        .cpu(64))
                                                .build()),
                                "web")
                        .environmentFiles())
                .containsExactly(defFile);
    }
}
