package dev.gantry.api.ecs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.api.protocol.Json;
import dev.gantry.core.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SupportedFieldsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"requiresCompatibilities\": [null], \"containerDefinitions\": []}           | 'requiresCompatibilities[0]' must not be null",
                "{\"containerDefinitions\": [{\"name\": \"a\", \"command\": [\"x\", null]}]}  | 'containerDefinitions[0].command[1]' must not be null",
                "{\"containerDefinitions\": [], \"proxyConfiguration\": {\"type\": \"APPMESH\"}}   | 'proxyConfiguration'",
                "{\"containerDefinitions\": [], \"volumes\": [{\"name\": \"v\", \"fsxWindowsFileServerVolumeConfiguration\": {\"fileSystemId\": \"x\"}}]} | 'volumes[0].fsxWindowsFileServerVolumeConfiguration'",
                "{\"containerDefinitions\": [{\"name\": \"a\", \"linuxParameters\": {\"kernelOptions\": [\"x\"]}}]} | 'containerDefinitions[0].linuxParameters.kernelOptions'",
                "{\"containerDefinitions\": [{\"name\": \"a\", \"firelensConfiguration\": {\"type\": \"fluentbit\"}}]} | 'containerDefinitions[0].firelensConfiguration'"
            })
    void refusesWhatGantryWouldOtherwiseIgnoreOrCrashOn(String json, String fragment) throws Exception {
        assertThatThrownBy(
                        () -> SupportedFields.checkTaskDefinition(Json.mapper().readTree(json)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(fragment);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"containerDefinitions\": [{\"name\": \"a\", \"mountPoints\": [], \"volumesFrom\": []}], \"volumes\": []}",
                "{\"containerDefinitions\": [{\"name\": \"a\", \"privileged\": false}]}"
            })
    void acceptsEmptyUnsupportedMembers(String json) {
        assertThatCode(() -> SupportedFields.checkTaskDefinition(Json.mapper().readTree(json)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"enableExecuteCommand\": true}                                      | enableExecuteCommand",
                "{\"placementConstraints\": [{\"type\": \"memberOf\"}]}                  | 'placementConstraints'",
                "{\"overrides\": {\"ephemeralStorage\": {\"sizeInGiB\": 30}}}            | 'overrides.ephemeralStorage'",
                "{\"overrides\": {\"containerOverrides\": [{\"name\": \"a\", \"resourceRequirements\": [{}]}]}} | resourceRequirements",
                "{\"tags\": [null]}                                                    | 'tags[0]' must not be null"
            })
    void runTaskRefusesUnsupportedSettings(String json, String fragment) throws Exception {
        assertThatThrownBy(() -> SupportedFields.checkRunTask(Json.mapper().readTree(json)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(fragment);
    }
}
