package dev.gantry.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    @Test
    void canonicalUriNormalisesDotSegmentsAndEncodesAgain() {
        assertThat(CanonicalRequest.canonicalUri("")).isEqualTo("/");
        assertThat(CanonicalRequest.canonicalUri("/")).isEqualTo("/");
        assertThat(CanonicalRequest.canonicalUri("/a/./b/../c")).isEqualTo("/a/c");
        assertThat(CanonicalRequest.canonicalUri("/a%20b/")).isEqualTo("/a%2520b/");
        assertThat(CanonicalRequest.canonicalUri("/a/.")).isEqualTo("/a");
    }

    @Test
    void canonicalQuerySortsByKeyThenValueAndEncodesStrictly() {
        assertThat(CanonicalRequest.canonicalQuery("")).isEmpty();
        assertThat(CanonicalRequest.canonicalQuery("b=2&a=z&a=y&c")).isEqualTo("a=y&a=z&b=2&c=");
        assertThat(CanonicalRequest.canonicalQuery("k=a%20b&t=~*&p=a+b&u=%E2%9C%93"))
                .isEqualTo("k=a%20b&p=a%2Bb&t=~%2A&u=%E2%9C%93");
    }

    @Test
    void canonicalHeadersUseOnlySignedNamesCollapseWhitespaceAndJoinValues() {
        SignableRequest request = new SignableRequest(
                "POST",
                "/",
                "",
                Map.of("Host", List.of("h:8080"), "X-Multi", List.of(" a  b ", "c"), "User-Agent", List.of("ua")),
                new byte[0]);

        assertThat(CanonicalRequest.canonicalHeaders(request, List.of("host", "x-multi")))
                .isEqualTo("host:h:8080\nx-multi:a b,c\n");
    }

    @Test
    void buildJoinsTheSixPartsWithNewlines() {
        SignableRequest request = new SignableRequest("GET", "/", "", Map.of("host", List.of("h")), new byte[0]);

        assertThat(CanonicalRequest.build(request, List.of("host"), "abc")).isEqualTo("GET\n/\n\nhost:h\n\nhost\nabc");
    }
}
