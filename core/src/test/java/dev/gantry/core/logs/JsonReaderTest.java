package dev.gantry.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("\"hi\"", new JsonValue.JString("hi")),
                Arguments.of(" \"a\\\"b\\\\c\\/d\\n\\u00e9\" ", new JsonValue.JString("a\"b\\c/d\né")),
                Arguments.of("-12.5e2", new JsonValue.JNumber(-1250, "-12.5e2")),
                Arguments.of("0", new JsonValue.JNumber(0, "0")),
                Arguments.of("true", new JsonValue.JBool(true)),
                Arguments.of("false", new JsonValue.JBool(false)),
                Arguments.of("null", new JsonValue.JNull()),
                Arguments.of("[]", new JsonValue.JArray(List.of())),
                Arguments.of(
                        "[1, \"x\"]",
                        new JsonValue.JArray(List.of(new JsonValue.JNumber(1, "1"), new JsonValue.JString("x")))),
                Arguments.of("{}", new JsonValue.JObject(Map.of())),
                Arguments.of(
                        "{\"a\": {\"b\": [null]}}",
                        new JsonValue.JObject(Map.of(
                                "a",
                                new JsonValue.JObject(
                                        Map.of("b", new JsonValue.JArray(List.of(new JsonValue.JNull()))))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void reads(String text, JsonValue expected) {
        assertThat(JsonReader.read(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "[1,]",
                "{\"a\" 1}",
                "{a:1}",
                "01",
                "1.",
                "-",
                "tru",
                "\"x",
                "\"a\tb\"",
                "\"\\x\"",
                "1 2",
                "{} x",
                "[1] ]",
                "nul"
            })
    void rejects(String text) {
        assertThat(JsonReader.read(text)).isEmpty();
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
        assertThat(JsonReader.read("[".repeat(100_000))).isEmpty();
    }

    @Test
    void laterDuplicateMemberWins() {
        assertThat(JsonReader.read("{\"a\":1,\"a\":2}").orElseThrow())
                .isEqualTo(new JsonValue.JObject(Map.of("a", new JsonValue.JNumber(2, "2"))));
    }
}
