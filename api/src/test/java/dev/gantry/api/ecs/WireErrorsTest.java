package dev.gantry.api.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.taskdef.TaskDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireErrorsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"containerDefinitions\": [{\"memory\": \"lots\"}]}  | 'containerDefinitions[0].memory': it must be a whole number",
                "{\"containerDefinitions\": {\"name\": \"x\"}}         | 'containerDefinitions': it must be a list",
                "{\"containerDefinitions\": [{\"essential\": [1]}]}   | 'containerDefinitions[0].essential': it must be true or false",
                "{\"family\": {\"a\": 1}}                             | 'family': it must be a string"
            })
    void taskDefinitionErrorsNameTheMemberAndJsonType(String json, String expected) {
        String message = WireErrors.describe(catchThrowableOfType(
                JsonProcessingException.class, () -> Json.mapper().readValue(json, TaskDefinition.class)));
        assertThat(message).contains(expected).doesNotContain("java.", "Integer", "deserialize");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"count\": \"x\"}                                     | 'count': it must be a whole number",
                "{\"overrides\": {\"containerOverrides\": \"x\"}}      | 'overrides.containerOverrides': it must be a list"
            })
    void runTaskErrorsNameTheMember(String json, String expected) {
        String message = WireErrors.describe(catchThrowableOfType(
                JsonProcessingException.class, () -> Json.mapper().readValue(json, RunTaskRequest.class)));
        assertThat(message).contains(expected).doesNotContain("java.");
    }
}
