package dev.gantry.core.validation;

import static dev.gantry.core.testing.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.core.testing.TaskDefs.Task;
import java.util.function.Consumer;
import org.junit.jupiter.params.provider.Arguments;

/** Table-test helpers: change a valid task definition, then expect it to pass or to fail a certain way. */
final class Checks {
    private Checks() {}

    static Arguments ok(String description, Consumer<Task> change) {
        return arguments(description, change);
    }

    static Arguments bad(String description, Consumer<Task> change, ErrorCode code, String phrase) {
        return arguments(description, change, code, phrase);
    }

    static TaskDefinition build(Consumer<Task> change) {
        Task t = TaskDefs.task();
        change.accept(t);
        return t.build();
    }

    static void passes(Consumer<Task> change) {
        TaskDefinition def = build(change);
        assertThatCode(() -> TaskDefinitionValidator.validateAndNormalize(def)).doesNotThrowAnyException();
    }

    static void fails(Consumer<Task> change, ErrorCode code, String phrase) {
        TaskDefinition def = build(change);
        assertFails(() -> TaskDefinitionValidator.validateAndNormalize(def), code, phrase);
    }
}
