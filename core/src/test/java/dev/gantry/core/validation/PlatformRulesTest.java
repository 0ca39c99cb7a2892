package dev.gantry.core.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformRulesTest {

    @Test
    void acceptsLinuxOnTheHostArchitectureAndFargateStorageSizes() {
        assertThatCode(() -> PlatformRules.validate(
                        Map.of("operatingSystemFamily", "LINUX", "cpuArchitecture", "X86_64"),
                        Map.of("sizeInGiB", 21),
                        "X86_64"))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlatformRules.validate(null, null, "ARM64")).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatWouldRunAsSomethingElse() {
        assertThatThrownBy(() -> PlatformRules.validate(Map.of("cpuArchitecture", "ARM64"), null, "X86_64"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("does not match this host (X86_64)");
        assertThatThrownBy(() -> PlatformRules.validate(
                        Map.of("operatingSystemFamily", "WINDOWS_SERVER_2019_CORE"), null, "X86_64"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Linux");
        assertThatThrownBy(() -> PlatformRules.validate(null, Map.of("sizeInGiB", 5), "X86_64"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("21 to 200");
    }
}
