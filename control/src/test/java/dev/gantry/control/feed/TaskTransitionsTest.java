package dev.gantry.control.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.TaskDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which changes of a stored task make a transition, and what it carries. */
class TaskTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Task task() {
        ContainerDefinition a = new ContainerDefinition(
                "a", "img", null, null, null, null, true, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        ContainerDefinition b = new ContainerDefinition(
                "b", "img", null, null, null, null, false, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        TaskDefinition td = new TaskDefinition(
                "arn:td",
                "f",
                1,
                List.of(a, b),
                null,
                null,
                "awsvpc",
                null,
                null,
                "256",
                "512",
                "ACTIVE",
                null,
                null,
                null,
                null,
                null,
                T0,
                null,
                null,
                null,
                null,
                null);
        return TaskFactory.create(
                        new TaskFactory.Launch(
                                "arn:cluster", "default", td, 1, "family:f", Optional.empty(), Map.of(), List.of()),
                        new Arns("us-east-1", "000000000000"),
                        IdSource.random(),
                        T0)
                .get(0);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(
                        "phase", (UnaryOperator<TaskObserved>) o -> o.withPhase(TaskPhase.PULLING), true, List.of()),
                Arguments.of(
                        "task health",
                        (UnaryOperator<TaskObserved>) o -> o.withHealth(HealthStatus.HEALTHY),
                        true,
                        List.of()),
                Arguments.of(
                        "a container starts",
                        (UnaryOperator<TaskObserved>) o -> o.withContainer("b", c -> c.running(T0)),
                        true,
                        List.of("b")),
                Arguments.of(
                        "a container exits",
                        (UnaryOperator<TaskObserved>)
                                o -> o.withContainer("a", c -> c.stopped(Optional.of(1), Optional.empty(), T0)),
                        true,
                        List.of("a")),
                Arguments.of(
                        "a container's health",
                        (UnaryOperator<TaskObserved>)
                                o -> o.withContainer("a", c -> c.withHealth(HealthStatus.UNHEALTHY)),
                        true,
                        List.of("a")),
                Arguments.of(
                        "a timestamp only", (UnaryOperator<TaskObserved>) o -> o.withPullStarted(T0), false, List.of()),
                Arguments.of(
                        "a runtime id only",
                        (UnaryOperator<TaskObserved>) o -> o.withContainer("a", c -> c.withRuntimeId("r")),
                        false,
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aTransitionIsPublishedForPhaseHealthAndContainerChangesOnly(
            String name, UnaryOperator<TaskObserved> change, boolean published, List<String> containers) {
        Task before = task();
        Task after = new Task(before.spec(), before.desired(), change.apply(before.observed()), before.version() + 1);
        Optional<TaskTransition> t = TaskTransitions.between(before, after);
        assertThat(t.isPresent()).isEqualTo(published);
        t.ifPresent(x -> {
            assertThat(x.cause()).isEqualTo(TaskTransition.Cause.CHANGED);
            assertThat(x.version()).isEqualTo(after.version());
            assertThat(x.from()).contains(before.observed().phase());
            assertThat(x.to()).isEqualTo(after.observed().phase());
            assertThat(x.containers()).extracting(ContainerChange::name).isEqualTo(containers);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void aStateTransitionListsEveryContainerAndNoEarlierPhase(TaskTransition.Cause cause) {
        Task t = task();
        TaskTransition x = TaskTransitions.state(t, cause);
        assertThat(x.from()).isEmpty();
        assertThat(x.cause()).isEqualTo(cause);
        assertThat(x.containers()).extracting(ContainerChange::name).containsExactly("a", "b");
    }

    static Stream<TaskTransition.Cause> causes() {
        return Stream.of(TaskTransition.Cause.values());
    }
}
