package dev.gantry.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {
    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
        "abc, abc, true",
        "abc, abcd, false",
        "*, '', true",
        "*, anything, true",
        "a*, abc, true",
        "*c, abc, true",
        "a*c, abbbc, true",
        "a*c, abbbd, false",
        "*b*, abc, true",
        "a**c, ac, true",
        "*ab*ab, xabyabab, true",
        "'', '', true",
        "'', x, false"
    })
    void matches(String pattern, String text, boolean expected) {
        assertThat(Wildcard.matches(pattern, text)).isEqualTo(expected);
    }
}
