package dev.gantry.core.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterPatternTest {
    private static final String JSON = """
            {"eventType":"UpdateTrail","status":503,"latency":12.5,"user":{"name":"ann","admin":true,"tags":["a","b"]},\
            "ip":"123.123.4.5","gone":null,"off":false,"code":"200","items":[{"id":7}]}""";
    private static final String ACCESS =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    static Stream<Arguments> cases() {
        return Stream.of(
                // pattern, message, matches
                Arguments.of("", "anything", true),
                Arguments.of("   ", "", true),
                Arguments.of("ERROR", "[ERROR] disk full", true),
                Arguments.of("ERROR", "[error] disk full", false),
                Arguments.of("ERROR disk", "ERROR: the disk is full", true),
                Arguments.of("ERROR network", "ERROR: the disk is full", false),
                Arguments.of("\"disk is\"", "ERROR: the disk is full", true),
                Arguments.of("\"is disk\"", "ERROR: the disk is full", false),
                Arguments.of("\"say \\\"hi\\\"\"", "they say \"hi\"", true),
                Arguments.of("?ERROR ?WARN", "WARN low memory", true),
                Arguments.of("?ERROR ?WARN", "INFO ok", false),
                Arguments.of("disk ?ERROR ?WARN", "WARN disk", true),
                Arguments.of("disk ?ERROR ?WARN", "WARN memory", false),
                Arguments.of("ERROR -Exiting", "ERROR retrying", true),
                Arguments.of("ERROR -Exiting", "ERROR Exiting now", false),
                Arguments.of("ERROR -\"shutting down\"", "ERROR shutting down", false),
                Arguments.of("a&&b", "x a&&b y", true),
                Arguments.of("%time=\\d+ms%", "req time=42ms", true),
                Arguments.of("%time=\\d+ms%", "req time=ms", false),
                Arguments.of("{ $.eventType = \"UpdateTrail\" }", JSON, true),
                Arguments.of("{$.eventType=UpdateTrail}", JSON, true),
                Arguments.of("{ $.eventType = \"*Trail\" }", JSON, true),
                Arguments.of("{ $.eventType = \"Create*\" }", JSON, false),
                Arguments.of("{ $.eventType != \"UpdateTrail\" }", JSON, false),
                Arguments.of("{ $.ip = 123.123.* }", JSON, true),
                Arguments.of("{ $.status = 503 }", JSON, true),
                Arguments.of("{ $.status > 500 }", JSON, true),
                Arguments.of("{ $.status >= 503 }", JSON, true),
                Arguments.of("{ $.status < 503 }", JSON, false),
                Arguments.of("{ $.latency <= 12.5 }", JSON, true),
                Arguments.of("{ $.latency > 1e1 }", JSON, true),
                Arguments.of("{ $.status != 200 }", JSON, true),
                Arguments.of("{ $.code = 200 }", JSON, true),
                Arguments.of("{ $.code > 100 }", JSON, false),
                Arguments.of("{ $.missing = \"x\" }", JSON, false),
                Arguments.of("{ $.missing != \"x\" }", JSON, false),
                Arguments.of("{ $.user.name = \"ann\" }", JSON, true),
                Arguments.of("{ $.user.tags[1] = \"b\" }", JSON, true),
                Arguments.of("{ $.user.tags[2] = \"b\" }", JSON, false),
                Arguments.of("{ $.items[0].id = 7 }", JSON, true),
                Arguments.of("{ $.['eventType'] = UpdateTrail }", JSON, true),
                Arguments.of("{ $.user = \"ann\" }", JSON, false),
                Arguments.of("{ $.gone IS NULL }", JSON, true),
                Arguments.of("{ $.missing IS NULL }", JSON, false),
                Arguments.of("{ $.missing NOT EXISTS }", JSON, true),
                Arguments.of("{ $.gone NOT EXISTS }", JSON, false),
                Arguments.of("{ $.user.admin IS TRUE }", JSON, true),
                Arguments.of("{ $.off IS FALSE }", JSON, true),
                Arguments.of("{ $.off is true }", JSON, false),
                Arguments.of("{ $.status = 503 && $.user.name = \"bob\" }", JSON, false),
                Arguments.of("{ $.status = 503 || $.user.name = \"bob\" }", JSON, true),
                Arguments.of("{ $.status = 1 || $.status = 2 && $.off IS FALSE }", JSON, false),
                Arguments.of("{ ($.status = 1 || $.status = 503) && $.off IS FALSE }", JSON, true),
                Arguments.of("{ $.status = 503 }", "not json", false),
                Arguments.of("{ $.status = 503 }", "{\"status\":503} trailing", false),
                Arguments.of("[ip, user, username, timestamp, request, status, bytes]", ACCESS, true),
                Arguments.of("[ip, user, username, timestamp, request, status]", ACCESS, false),
                Arguments.of("[ip, ..., status=404, bytes]", ACCESS, true),
                Arguments.of("[ip, ..., status=4*, size>1000]", ACCESS, true),
                Arguments.of("[ip, ..., status=4*, size>2000]", ACCESS, false),
                Arguments.of("[..., request=*index*, status, bytes]", ACCESS, true),
                Arguments.of("[ip=127.0.0.*, ...]", ACCESS, true),
                Arguments.of("[ip, user, username=frank, ...]", ACCESS, true),
                Arguments.of("[..., status=200 || status=404, bytes]", ACCESS, true),
                Arguments.of("[..., status>400 && status<404, bytes]", ACCESS, false),
                Arguments.of("[..., timestamp=*2000*, ..., bytes!=0]", ACCESS, true),
                Arguments.of("[a, b]", "one", false),
                Arguments.of("[...]", "", true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("cases")
    void matches(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.parse(pattern).matches(message)).isEqualTo(expected);
    }

    static Stream<Arguments> badPatterns() {
        return Stream.of(
                // pattern, words the message must contain
                Arguments.of("\"unterminated", "unterminated quoted string"),
                Arguments.of("-Exiting", "needs at least one term"),
                Arguments.of("ERROR ? WARN", "'?' must be followed by a term"),
                Arguments.of("%[a-%", "bad regular expression"),
                Arguments.of("%abc", "missing closing '%'"),
                Arguments.of("{ $.a = 1 ", "'}'"),
                Arguments.of("{ a = 1 }", "selector starting with '$.'"),
                Arguments.of("{ $ = 1 }", "names no field"),
                Arguments.of("{ $.a }", "expected an operator"),
                Arguments.of("{ $.a > \"x\" }", "'>' needs a number"),
                Arguments.of("{ $.a = }", "expected a value"),
                Arguments.of("{ $.a IS MAYBE }", "expected NULL, TRUE or FALSE"),
                Arguments.of("{ $.a NOT THERE }", "expected EXISTS"),
                Arguments.of("{ ($.a = 1 }", "')'"),
                Arguments.of("{ $.a[x] = 1 }", "array index"),
                Arguments.of("{ $.a = 1 } extra", "unexpected text after '}'"),
                Arguments.of("[a, b", "',' or ']'"),
                Arguments.of("[a, , b]", "expected a field name"),
                Arguments.of("[a=1 || b=2]", "tests another field 'b'"),
                Arguments.of("[a<x]", "'<' needs a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPatterns")
    void rejectsMalformedPatterns(String pattern, String problem) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(e.getMessage()).startsWith("Invalid filter pattern").contains(problem);
        });
    }

    @Test
    void emptyPatternIsMatchAll() {
        assertThat(FilterPattern.parse("").matchesEverything()).isTrue();
        assertThat(FilterPattern.parse("x").matchesEverything()).isFalse();
        assertThat(FilterPattern.parse("x").text()).isEqualTo("x");
    }

    /** Without remembering failed positions this search is exponential in the number of '...' fields. */
    @Test
    void manyEllipsesOverALongMessageStayLinear() {
        String message = String.join(" ", Collections.nCopies(400, "v"));
        assertThat(FilterPattern.parse("[..., ..., ..., ..., ..., ..., x=nomatch]")
                        .matches(message))
                .isFalse();
        assertThat(FilterPattern.parse("[..., ..., ..., ..., ..., ..., x=v]").matches(message))
                .isTrue();
    }
}
