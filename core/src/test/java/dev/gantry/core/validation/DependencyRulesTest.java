package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.testing.ApiErrors.assertFails;
import static dev.gantry.core.testing.TaskDefs.dependsOn;
import static dev.gantry.core.testing.TaskDefs.healthCheck;
import static dev.gantry.core.validation.Checks.bad;
import static dev.gantry.core.validation.Checks.ok;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.ContainerDependency;
import dev.gantry.core.testing.TaskDefs.Container;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DependencyRulesTest {

    /** web (essential) plus a non-essential "init" and an essential "db" with a health check. */
    static Consumer<Task> withSidecars(Consumer<Task> then) {
        return t -> {
            Container init = t.add("init");
            init.essential = false;
            t.add("db").healthCheck = healthCheck();
            then.accept(t);
        };
    }

    static Consumer<Task> webDependsOn(ContainerDependency... deps) {
        return withSidecars(t -> t.container(0).dependsOn = Arrays.asList(deps));
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                ok("START", webDependsOn(dependsOn("db", "START"))),
                ok("HEALTHY on a container with a health check", webDependsOn(dependsOn("db", "HEALTHY"))),
                ok("COMPLETE on a non-essential container", webDependsOn(dependsOn("init", "COMPLETE"))),
                ok("SUCCESS on a non-essential container", webDependsOn(dependsOn("init", "SUCCESS"))),
                ok("several", webDependsOn(dependsOn("init", "SUCCESS"), dependsOn("db", "HEALTHY"))),
                ok("a chain", withSidecars(t -> {
                    t.container(0).dependsOn = List.of(dependsOn("db", "HEALTHY"));
                    t.container(2).dependsOn = List.of(dependsOn("init", "SUCCESS"));
                })),
                ok("a diamond", withSidecars(t -> {
                    t.container(0).dependsOn = List.of(dependsOn("db", "START"), dependsOn("init", "START"));
                    t.container(2).dependsOn = List.of(dependsOn("init", "START"));
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void accepts(String description, Consumer<Task> change) {
        Checks.passes(change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(
                        "no containerName",
                        webDependsOn(dependsOn(null, "START")),
                        CLIENT,
                        "Every dependsOn entry needs a 'containerName'"),
                bad("null entry", webDependsOn((ContainerDependency) null), CLIENT, "needs a 'containerName'"),
                bad(
                        "unknown container",
                        webDependsOn(dependsOn("cache", "START")),
                        CLIENT,
                        "Cannot depend on container 'cache' because it does not exist in this task definition. "
                                + "Containers: web, init, db."),
                bad("itself", webDependsOn(dependsOn("web", "START")), CLIENT, "A container cannot depend on itself"),
                bad(
                        "no condition",
                        webDependsOn(dependsOn("db", null)),
                        CLIENT,
                        "dependsOn 'db' needs a condition: one of START, COMPLETE, SUCCESS, HEALTHY"),
                bad(
                        "HEALTHY without a health check",
                        webDependsOn(dependsOn("init", "HEALTHY")),
                        CLIENT,
                        "with condition HEALTHY requires container 'init' to have a healthCheck"),
                bad(
                        "COMPLETE on an essential container",
                        webDependsOn(dependsOn("db", "COMPLETE")),
                        CLIENT,
                        "with condition COMPLETE requires container 'db' to be non-essential"),
                bad(
                        "SUCCESS on an essential container",
                        webDependsOn(dependsOn("db", "SUCCESS")),
                        CLIENT,
                        "set \"essential\": false on 'db'"),
                bad(
                        "two-container cycle",
                        withSidecars(t -> {
                            t.container(0).dependsOn = List.of(dependsOn("db", "START"));
                            t.container(2).dependsOn = List.of(dependsOn("web", "START"));
                        }),
                        CLIENT,
                        "Container dependencies form a cycle: web -> db -> web"),
                bad(
                        "three-container cycle",
                        withSidecars(t -> {
                            t.container(0).dependsOn = List.of(dependsOn("db", "START"));
                            t.container(2).dependsOn = List.of(dependsOn("init", "START"));
                            t.container(1).dependsOn = List.of(dependsOn("web", "START"));
                        }),
                        CLIENT,
                        "web -> db -> init -> web"),
                bad(
                        "cycle not involving the first container",
                        withSidecars(t -> {
                            t.container(0).dependsOn = List.of(dependsOn("init", "START"));
                            t.container(1).dependsOn = List.of(dependsOn("db", "START"));
                            t.container(2).dependsOn = List.of(dependsOn("init", "START"));
                        }),
                        CLIENT,
                        "cycle: init -> db -> init"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        Checks.fails(change, code, phrase);
    }

    /** Unknown names cannot reach the enum: the API edge checks the text before binding. */
    @ParameterizedTest
    @ValueSource(strings = {"start", "READY", ""})
    void unknownConditionNamesAreRefusedByName(String condition) {
        assertFails(
                () -> TaskDefinitionValidator.checkDependsOnCondition("web", "db", condition),
                CLIENT,
                "Invalid setting for container 'web'. dependsOn condition '" + condition + "' for container 'db' "
                        + "is not valid; use one of START, COMPLETE, SUCCESS, HEALTHY.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "COMPLETE", "SUCCESS", "HEALTHY"})
    void knownConditionNamesPass(String condition) {
        assertThatCode(() -> TaskDefinitionValidator.checkDependsOnCondition("web", "db", condition))
                .doesNotThrowAnyException();
        assertThatCode(() -> TaskDefinitionValidator.checkDependsOnCondition("web", "db", null))
                .doesNotThrowAnyException();
    }
}
