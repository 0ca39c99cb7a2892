package dev.gantry.router.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "/api/*, /api/users, true",
        "/api/*, /api/, true",
        "/api/*, /api, false",
        "*, '', true",
        "/v?/x, /v2/x, true",
        "/v?/x, /v22/x, false",
        "*.jpg, /img/a.jpg, true",
        "*.jpg, /img/a.jpeg, false",
        "/a*b*c, /aXXbYYc, true",
        "/a*b*c, /aXXbYY, false",
        "/a*a, /aaa, true",
        "/exact, /exact, true",
        "/exact, /Exact, false",
    })
    void caseSensitive(String pattern, String text, boolean matches) {
        assertThat(Wildcard.caseSensitive(pattern).matches(text)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({"*.example.com, API.Example.COM, true", "example.com, www.example.com, false"})
    void ignoringCase(String pattern, String text, boolean matches) {
        assertThat(Wildcard.ignoringCase(pattern).matches(text)).isEqualTo(matches);
    }
}
