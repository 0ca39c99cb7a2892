package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.control.network.SubnetNetworks;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.runtime.fake.FakeDriver;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Subnets realised on the (fake) engine: the network's range and gateway, conflicts in SubnetNetworks' words. */
class EngineSubnetsTest {
    private final FakeDriver engine = FakeDriver.builder().build();
    private final EngineSubnets subnets = new EngineSubnets(engine, "gantry", Optional::empty, Optional::empty);

    private static Subnet subnet(String id, String cidr, String network) {
        return new Subnet(id, "vpc-1", cidr, "us-east-1a", false, false, false, network, Map.of());
    }

    @Test
    void theGatewayIsTheRangesFirstAddress() {
        assertThat(EngineSubnets.firstAddress("10.1.2.0/24")).isEqualTo("10.1.2.1");
        assertThat(EngineSubnets.firstAddress("10.1.2.77/16")).isEqualTo("10.1.0.1");
        assertThat(EngineSubnets.firstAddress("172.31.240.0/20")).isEqualTo("172.31.240.1");
    }

    @Test
    void aSubnetIsItsOwnNetworkRemovedWithItAndTheDefaultOneIsLeftAlone() {
        engine.start();
        subnets.create(subnet("subnet-a", "10.201.1.0/24", "gantry-subnet-a"));
        assertThat(engine.networks()).containsEntry("gantry-subnet-a", "10.201.1.0/24");
        subnets.create(subnet("subnet-gantry", "10.88.0.0/16", "gantry"));
        subnets.remove(subnet("subnet-gantry", "10.88.0.0/16", "gantry"));
        assertThat(engine.networks()).containsKey("gantry");
        subnets.remove(subnet("subnet-a", "10.201.1.0/24", "gantry-subnet-a"));
        assertThat(engine.networks()).doesNotContainKey("gantry-subnet-a");
    }

    @Test
    void aRangeTheEngineCannotHaveIsAConflictSayingWhich() {
        engine.start();
        subnets.create(subnet("subnet-a", "10.202.0.0/24", "gantry-subnet-a"));
        assertThatThrownBy(() -> subnets.create(subnet("subnet-b", "10.202.0.0/25", "gantry-subnet-b")))
                .isInstanceOf(SubnetNetworks.Conflict.class)
                .hasMessageContaining("10.202.0.0/24");
    }
}
