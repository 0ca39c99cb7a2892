package dev.gantry.api.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.DependencyCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code dependsOn[].condition} is an enum inside, the same string on the wire, and a ClientException when unknown. */
class DependsOnConditionTest {

    private static JsonNode taskDefinition(String web) throws JsonProcessingException {
        return Json.mapper()
                .readTree("{\"family\": \"app\", \"containerDefinitions\": [" + web
                        + ", {\"name\": \"db\", \"image\": \"x\"}]}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\": \"web\", \"dependsOn\": [{\"containerName\": \"db\", \"condition\": \"READY\"}]} | 'web'. dependsOn condition 'READY' for container 'db' is not valid; use one of START, COMPLETE, SUCCESS, HEALTHY.",
                "{\"name\": \"web\", \"dependsOn\": [{\"containerName\": \"db\", \"condition\": \"start\"}]} | 'web'. dependsOn condition 'start' for container 'db'",
                "{\"dependsOn\": [{\"containerName\": \"db\", \"condition\": \"READY\"}]}                    | container '#1'. dependsOn condition 'READY'"
            })
    void anUnknownConditionIsAClientExceptionNamingTheContainer(String web, String fragment) {
        assertThatThrownBy(() -> SupportedFields.checkTaskDefinition(taskDefinition(web)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CLIENT))
                .hasMessageStartingWith("Invalid setting for container ")
                .hasMessageContaining(fragment);
    }

    @ParameterizedTest
    @EnumSource(DependencyCondition.class)
    void aKnownConditionBindsToTheEnumAndIsWrittenBackUnchanged(DependencyCondition condition) throws Exception {
        String web = "{\"name\":\"web\",\"image\":\"x\",\"dependsOn\":[{\"containerName\":\"db\",\"condition\":\""
                + condition.name() + "\"}]}";
        SupportedFields.checkTaskDefinition(taskDefinition(web));
        ContainerDefinition bound = Json.mapper().readValue(web, ContainerDefinition.class);
        assertThat(bound.dependsOn().get(0).condition()).isEqualTo(condition);
        assertThat(Json.mapper().writeValueAsString(bound)).isEqualTo(web);
    }

    @Test
    void aNumberIsNotTakenForTheConstantAtThatIndex() {
        assertThatThrownBy(() -> Json.mapper()
                        .readValue(
                                "{\"name\":\"web\",\"dependsOn\":[{\"containerName\":\"db\",\"condition\":1}]}",
                                ContainerDefinition.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
