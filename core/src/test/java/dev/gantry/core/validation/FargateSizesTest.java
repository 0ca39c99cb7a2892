package dev.gantry.core.validation;

import static dev.gantry.core.error.ErrorCode.CLIENT;
import static dev.gantry.core.testing.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FargateSizesTest {

    @ParameterizedTest(name = "cpu \"{0}\" = {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "256|256",
                "1024|1024",
                "16384|16384",
                " 512 |512",
                "1 vCPU|1024",
                "1 vcpu|1024",
                "1vCPU|1024",
                ".25 vcpu|256",
                "0.25 vCPU|256",
                "0.5 vCPU|512",
                "2 vCPU|2048",
                "16 vCPU|16384",
                "1.5 vCPU|1536",
                "4 VCPU|4096"
            })
    void parsesCpu(String text, int units) {
        assertThat(FargateSizes.parseCpu(text)).isEqualTo(units);
        assertThat(FargateSizes.normalizeCpu(text)).isEqualTo(Integer.toString(units));
    }

    @ParameterizedTest(name = "cpu \"{0}\" is rejected")
    @ValueSource(
            strings = {
                "",
                "abc",
                "1 core",
                "-256",
                "0",
                "0 vCPU",
                "0.1 vCPU",
                "1.5",
                "256.5",
                "1 GB",
                "99999999999999",
                "1e3"
            })
    void rejectsUnparsableCpu(String text) {
        assertFails(() -> FargateSizes.parseCpu(text), CLIENT, "Invalid 'cpu' setting for task.");
    }

    @Test
    void rejectsNullCpuWithTheAcceptedForms() {
        assertFails(() -> FargateSizes.parseCpu(null), CLIENT, "\"1 vCPU\"");
    }

    @ParameterizedTest(name = "memory \"{0}\" = {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "512|512",
                "2048|2048",
                "2 GB|2048",
                "2GB|2048",
                "2 gb|2048",
                "0.5 GB|512",
                ".5GB|512",
                "30 GB|30720",
                "1024 MiB|1024",
                "1024MiB|1024",
                "120 GB|122880"
            })
    void parsesMemory(String text, int mib) {
        assertThat(FargateSizes.parseMemory(text)).isEqualTo(mib);
        assertThat(FargateSizes.normalizeMemory(text)).isEqualTo(Integer.toString(mib));
    }

    @ParameterizedTest(name = "memory \"{0}\" is rejected")
    @ValueSource(strings = {"", "lots", "2 TB", "-512", "0", "0 GB", "512.5", "0.0001 GB", "2 GiB", "1 vCPU"})
    void rejectsUnparsableMemory(String text) {
        assertFails(() -> FargateSizes.parseMemory(text), CLIENT, "Invalid 'memory' setting for task.");
    }

    static Stream<Arguments> validSizes() {
        return Stream.of(
                Arguments.of(256, 512),
                Arguments.of(256, 1024),
                Arguments.of(256, 2048),
                Arguments.of(512, 1024),
                Arguments.of(512, 4096),
                Arguments.of(1024, 2048),
                Arguments.of(1024, 5120),
                Arguments.of(1024, 8192),
                Arguments.of(2048, 4096),
                Arguments.of(2048, 16384),
                Arguments.of(4096, 8192),
                Arguments.of(4096, 30720),
                Arguments.of(8192, 16384),
                Arguments.of(8192, 20480),
                Arguments.of(8192, 61440),
                Arguments.of(16384, 32768),
                Arguments.of(16384, 40960),
                Arguments.of(16384, 122880));
    }

    @ParameterizedTest(name = "{0} CPU / {1} MiB is valid")
    @MethodSource("validSizes")
    void acceptsEveryRowOfTheTable(int cpu, int memory) {
        assertThat(FargateSizes.isValid(cpu, memory)).isTrue();
        assertThatCode(() -> FargateSizes.validate(cpu, memory)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} CPU / {1} MiB: {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "256|1536|memory must be 512, 1024 or 2048",
                "256|4096|4096 MiB is available with cpu 512, 1024, 2048",
                "512|512|No Fargate configuration exists for given values: 512 CPU, 512 memory",
                "512|1536|memory must be 1024, 2048, 3072 or 4096",
                "1024|1024|memory must be 2048 to 8192 in steps of 1024",
                "1024|2500|No Fargate configuration exists",
                "4096|31744|8192 to 30720 in steps of 1024",
                "8192|18432|16384 to 61440 in steps of 4096",
                "16384|36864|32768 to 122880 in steps of 8192",
                "16384|200000|No Fargate CPU size accepts 200000 MiB",
                "300|512|Invalid 'cpu' setting for task",
                "128|512|Fargate supports cpu 256 (.25 vCPU), 512 (.5 vCPU), 1024 (1 vCPU)",
                "32768|65536|16384 (16 vCPU)"
            })
    void rejectsOtherCombinationsAndSaysWhatIsValid(int cpu, int memory, String phrase) {
        assertThat(FargateSizes.isValid(cpu, memory)).isFalse();
        assertFails(() -> FargateSizes.validate(cpu, memory), CLIENT, phrase);
    }

    @Test
    void normalizeParsesAndValidates() {
        assertThat(FargateSizes.normalize("1 vCPU", "2 GB")).isEqualTo(new FargateSizes.Size(1024, 2048));
        assertThat(FargateSizes.normalize(".25 vcpu", "512").cpu()).isEqualTo("256");
        assertThat(FargateSizes.normalize(".25 vcpu", "512").memory()).isEqualTo("512");
        assertFails(() -> FargateSizes.normalize("256", "8 GB"), CLIENT, "No Fargate configuration exists");
    }

    @Test
    void listsTheTable() {
        assertThat(FargateSizes.cpuUnits()).containsExactly(256, 512, 1024, 2048, 4096, 8192, 16384);
        assertThat(FargateSizes.memoryFor(256)).containsExactly(512, 1024, 2048);
        assertThat(FargateSizes.memoryFor(512)).containsExactly(1024, 2048, 3072, 4096);
        assertThat(FargateSizes.memoryFor(4096)).hasSize(23).startsWith(8192).endsWith(30720);
        assertThat(FargateSizes.memoryFor(8192)).hasSize(12).startsWith(16384).endsWith(61440);
        assertThat(FargateSizes.memoryFor(16384)).hasSize(12).startsWith(32768).endsWith(122880);
        assertThat(FargateSizes.memoryFor(100)).isEmpty();
    }
}
