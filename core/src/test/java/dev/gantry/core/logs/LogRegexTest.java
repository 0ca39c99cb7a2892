package dev.gantry.core.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code %regex%} terms: the subset CloudWatch Logs accepts, matched in time linear in the message. */
class LogRegexTest {

    static Stream<Arguments> matching() {
        return Stream.of(
                // regex, message, found
                Arguments.of("AUTHORIZED", "[ERROR 401] UNAUTHORIZED REQUEST", true),
                Arguments.of("^[hc]at", "hat trick", true),
                Arguments.of("^[hc]at", "that", false),
                Arguments.of("[hc]at$", "a cat", true),
                Arguments.of("[hc]at$", "cats", false),
                Arguments.of("colou?r", "color", true),
                Arguments.of("colou?r", "colour", true),
                Arguments.of("colou?r", "colouur", false),
                Arguments.of("[abcx-z]", "wxy", true),
                Arguments.of("[abcx-z]", "uvw", false),
                Arguments.of("[^a-z]", "abc", false),
                Arguments.of("[^a-z]", "abc1", true),
                Arguments.of("^a{3,5}$", "aaa", true),
                Arguments.of("^a{3,5}$", "aaaaa", true),
                Arguments.of("^a{3,5}$", "aa", false),
                Arguments.of("^a{3,5}$", "aaaaaa", false),
                Arguments.of("^a{2}$", "aa", true),
                Arguments.of("^a{2,}$", "aaaaaaa", true),
                Arguments.of("^a{2,}$", "a", false),
                Arguments.of("gray|grey", "grey cat", true),
                Arguments.of("gray|grey", "green", false),
                Arguments.of("[Ee]rror|[Ff]ail", "it failed", true),
                Arguments.of("10\\.10\\.0\\.1", "from 10.10.0.1", true),
                Arguments.of("10\\.10\\.0\\.1", "from 10x10x0x1", false),
                Arguments.of("10.10", "10x10", true),
                Arguments.of("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}", "ip 192.168.0.12 ok", true),
                Arguments.of("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}", "ip 192.168.0 ok", false),
                Arguments.of("time=\\d+ms", "req time=42ms", true),
                Arguments.of("time=\\d+ms", "req time=ms", false),
                Arguments.of("a\\sb", "a b", true),
                Arguments.of("a\\Sb", "a b", false),
                Arguments.of("^\\w+$", "under_score9", true),
                Arguments.of("^\\w+$", "not-word", false),
                Arguments.of("^\\W", "-x", true),
                Arguments.of("^\\D+$", "abc", true),
                Arguments.of("[\\d_]", "x_", true),
                Arguments.of("a.c", "a\nc", false),
                Arguments.of("ab*c", "ac", true),
                Arguments.of("ab+c", "ac", false),
                Arguments.of("ab+?c", "abbc", true),
                Arguments.of("x|", "anything", true),
                Arguments.of("a-b", "a-b", true),
                Arguments.of("[a-]", "-", true),
                Arguments.of("@/;,:#=_", "x@/;,:#=_y", true),
                Arguments.of("\\*\\+\\?\\|\\^\\$\\[\\]\\{\\}\\\\\\.", "*+?|^$[]{}\\.", true),
                Arguments.of("caf.", "café", true));
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @MethodSource("matching")
    void findsLikeJavaRegexOnTheSupportedSubset(String regex, String message, boolean found) {
        assertThat(LogRegex.compile(regex).find(message)).isEqualTo(found);
        assertThat(java.util.regex.Pattern.compile(regex).matcher(message).find())
                .as("java.util.regex agrees")
                .isEqualTo(found);
    }

    /** Random regexes of the subset over random short texts: the automaton finds exactly what java.util.regex finds. */
    @Test
    void agreesWithJavaRegexOnRandomPatterns() {
        java.util.Random random = new java.util.Random(20_261_129);
        String[] atoms = {"a", "b", ".", "[ab]", "[^a]", "\\d", "\\w", "\\s", "1", "-"};
        String[] quantifiers = {"", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?"};
        String letters = "ab1 -\n";
        for (int i = 0; i < 3_000; i++) {
            StringBuilder regex = new StringBuilder(random.nextInt(5) == 0 ? "^" : "");
            int pieces = 1 + random.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                regex.append(atoms[random.nextInt(atoms.length)])
                        .append(quantifiers[random.nextInt(quantifiers.length)]);
                if (random.nextInt(8) == 0) {
                    regex.append('|');
                }
            }
            if (random.nextInt(5) == 0) {
                regex.append('$');
            }
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(9); c > 0; c--) {
                text.append(letters.charAt(random.nextInt(letters.length())));
            }
            boolean expected = java.util.regex.Pattern.compile(regex.toString())
                    .matcher(text)
                    .find();
            assertThat(LogRegex.compile(regex.toString()).find(text))
                    .as("/%s/ in '%s'", regex, text)
                    .isEqualTo(expected);
        }
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                // regex, words the message must contain
                Arguments.of("((a+)+)+c", "'(' is not supported"),
                Arguments.of("(.*a){20}", "'(' is not supported"),
                Arguments.of("something!", "'!' is not supported"),
                Arguments.of("two words", "' ' is not supported"),
                Arguments.of("café", "'é' is not supported"),
                Arguments.of("a**", "nothing to repeat"),
                Arguments.of("*a", "nothing to repeat"),
                Arguments.of("a|+", "nothing to repeat"),
                Arguments.of("^*", "nothing to repeat"),
                Arguments.of("a++", "nothing to repeat"),
                Arguments.of("[a-", "unclosed character class"),
                Arguments.of("[]", "empty character class"),
                Arguments.of("[z-a]", "range z-a"),
                Arguments.of("[[a]]", "nested"),
                Arguments.of("a{2", "'{m}', '{m,}' or '{m,n}'"),
                Arguments.of("a{,2}", "'{m}', '{m,}' or '{m,n}'"),
                Arguments.of("a{5,2}", "{5,2}"),
                Arguments.of("a{2000}", "at most 1000"),
                Arguments.of("\\1", "'\\1' is not supported"),
                Arguments.of("\\b", "'\\b' is not supported"),
                Arguments.of("x\\", "ends with '\\'"),
                Arguments.of(
                        "[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}[a-z]{100}"
                                + "[a-z]{100}[a-z]{100}[a-z]{100}",
                        "too complex"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void rejectsWhatCloudWatchLogsDoesNotAcceptWithInvalidParameter(String regex, String problem) {
        assertThatThrownBy(() -> FilterPattern.parse("%" + regex + "%"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage())
                            .startsWith("Invalid filter pattern")
                            .contains(problem);
                });
    }

    /** java.util.regex takes (n choose 20) steps here: hours. A liveness check, not a timing assertion. */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // java.util.regex ignores interrupts
    void aPatternThatBacktracksInJavaRegexIsLinearHere() {
        String message = "a".repeat(5_000) + "!";
        LogRegex manyStars = LogRegex.compile(".*a".repeat(20) + "b");
        LogRegex nestedCounts = LogRegex.compile("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c");

        assertThat(manyStars.find(message)).isFalse();
        assertThat(nestedCounts.find(message)).isFalse();
        assertThat(FilterPattern.parse("%" + ".*a".repeat(20) + "b%").matches(message))
                .isFalse();
    }

    @Test
    void costGrowsWithTheProgram() {
        assertThat(LogRegex.compile("a").size())
                .isLessThan(LogRegex.compile("[a-z]{50}").size());
        assertThat(FilterPattern.parse("ERROR").costPerChar()).isEqualTo(1);
        assertThat(FilterPattern.parse("%[a-z]{50}% ERROR").costPerChar()).isGreaterThan(50);
    }
}
