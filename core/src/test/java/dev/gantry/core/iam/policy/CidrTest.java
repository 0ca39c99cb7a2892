package dev.gantry.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            .:                  | false
            .:/8                | false
            ..::                | false
            a.b:                | false
            ::1                 | true
            2001:db8::/32       | true
            ::ffff:10.0.0.1     | true
            fe80::1%eth0        | false
            """)
    void nameLikeValuesAreRefusedWithoutALookup(String value, boolean parses) throws Exception {
        // The hook is active: a lookup through InetAddress is recorded (and refused offline).
        assertThatThrownBy(() -> InetAddress.getByName("probe.invalid")).isInstanceOf(UnknownHostException.class);
        assertThat(RecordingResolverProvider.LOOKUPS).contains("probe.invalid");
        assertThat(Cidr.parse(value).isPresent()).isEqualTo(parses);
        assertThat(RecordingResolverProvider.LOOKUPS).doesNotContain(value, value.split("/")[0]);
    }

    @Test
    void parsesIpv6LiteralsByHand() {
        assertThat(Cidr.address("2001:db8::1").orElseThrow())
                .containsExactly(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(Cidr.address("::ffff:127.0.0.1").orElseThrow()).containsExactly(127, 0, 0, 1);
        assertThat(Cidr.address("1:2:3:4:5:6:7:8:9")).isEmpty();
        assertThat(Cidr.address("1::2::3")).isEmpty();
        assertThat(Cidr.address("12345::")).isEmpty();
    }
}
