package dev.gantry.core.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvFileTest {

    @Test
    void readsLinesAsDockerEnvFilesDo() {
        String file = "\uFEFF# a comment\n"
                + "\n"
                + "A=1\n"
                + "   B=two words  \n"
                + "QUOTED=\"kept\"\n"
                + "URL=postgres://u:p@h/db?x=1\n"
                + "EMPTY=\n"
                + "NO_EQUALS\n"
                + "  # indented comment\r\n"
                + "WIN=crlf\r\n"
                + "A=again";
        assertThat(EnvFile.parse(file))
                .containsExactly(
                        Map.entry("A", "again"),
                        Map.entry("B", "two words  "),
                        Map.entry("QUOTED", "\"kept\""),
                        Map.entry("URL", "postgres://u:p@h/db?x=1"),
                        Map.entry("EMPTY", ""),
                        Map.entry("WIN", "crlf"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "=value      | line 1 has no variable name",
                "A B=value   | variable 'A B' contains whitespace",
            })
    void refusesLinesDockerRefuses(String line, String phrase) {
        assertThatThrownBy(() -> EnvFile.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(phrase);
    }

    @Test
    void theFirstFileThatSetsAVariableWins() {
        assertThat(EnvFile.merge(List.of(Map.of("A", "first"), Map.of("A", "second", "B", "b"))))
                .containsExactly(Map.entry("A", "first"), Map.entry("B", "b"));
    }
}
