package dev.gantry.core.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CIDR parsing and EC2's VPC and subnet range rules, including Gantry's one-host overlap rule. */
class NetworkRangesTest {

    private static Subnet subnet(String id, String vpc, String cidr) {
        return new Subnet(id, vpc, cidr, "us-east-1a", false, false, false, "gantry-" + id, Map.of());
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code().wireName();
        }
        return "none";
    }

    @Test
    void parsesNetworkFormOnly() {
        assertThat(Cidr.parse("10.0.0.0/16")).contains(new Cidr(0x0A000000, 16));
        assertThat(Cidr.parse("0.0.0.0/0")).map(Cidr::toString).contains("0.0.0.0/0");
        assertThat(Cidr.parse("10.0.0.1/16")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0/16")).isEmpty();
        assertThat(Cidr.parse("256.0.0.0/8")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0")).isEmpty();
        assertThat(Cidr.parse("010.0.0.0/8")).isEmpty();
        assertThat(Cidr.parse("ten/8")).isEmpty();
    }

    @Test
    void containsAndOverlapsAsUnsignedRanges() {
        Cidr big = Cidr.parse("192.168.0.0/16").orElseThrow();
        Cidr small = Cidr.parse("192.168.4.0/24").orElseThrow();
        assertThat(big.contains(small)).isTrue();
        assertThat(small.contains(big)).isFalse();
        assertThat(small.overlaps(big)).isTrue();
        assertThat(Cidr.parse("192.168.5.0/24").orElseThrow().overlaps(small)).isFalse();
        assertThat(small.addressAt(1)).isEqualTo("192.168.4.1");
        assertThat(small.last()).isEqualTo(big.first() + 4 * 256 + 255);
    }

    @Test
    void vpcBlocksAreSlash16ToSlash28() {
        assertThat(NetworkRanges.vpcBlock("10.0.0.0/16").prefix()).isEqualTo(16);
        assertThat(code(() -> NetworkRanges.vpcBlock("10.0.0.0/8"))).isEqualTo("InvalidVpc.Range");
        assertThat(code(() -> NetworkRanges.vpcBlock("10.0.0.0/29"))).isEqualTo("InvalidVpc.Range");
        assertThat(code(() -> NetworkRanges.vpcBlock("10.0.0.1/16"))).isEqualTo("InvalidParameterValue");
        assertThat(code(() -> NetworkRanges.vpcBlock(""))).isEqualTo("MissingParameter");
    }

    @Test
    void subnetsLieInTheirVpcAndOverlapNoSubnetOfAnyVpc() {
        List<Subnet> existing = List.of(subnet("subnet-a", "vpc-other", "10.1.1.0/24"));
        assertThat(NetworkRanges.subnetBlock("10.1.2.0/24", "10.1.0.0/16", existing)
                        .toString())
                .isEqualTo("10.1.2.0/24");
        assertThat(code(() -> NetworkRanges.subnetBlock("10.2.0.0/24", "10.1.0.0/16", existing)))
                .isEqualTo("InvalidSubnet.Range");
        assertThat(code(() -> NetworkRanges.subnetBlock("10.1.0.0/29", "10.1.0.0/16", existing)))
                .isEqualTo("InvalidSubnet.Range");
        assertThatThrownBy(() -> NetworkRanges.subnetBlock("10.1.0.0/20", "10.1.0.0/16", existing))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("subnet-a")
                .hasMessageContaining("10.1.1.0/24")
                .extracting(e -> ((ApiException) e).code().wireName())
                .isEqualTo("InvalidSubnet.Conflict");
    }
}
