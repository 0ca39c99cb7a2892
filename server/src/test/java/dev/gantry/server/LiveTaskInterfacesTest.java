package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.endpoint.LiveTasks;
import dev.gantry.control.network.FixedNetworkDirectory;
import dev.gantry.core.task.TaskNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dependency checks see tasks placed in a subnet or group before they have an address. */
class LiveTaskInterfacesTest {
    final List<LiveTaskInterfaces.Placed> unfinished = new ArrayList<>();
    final LiveTaskInterfaces interfaces = new LiveTaskInterfaces(
            new LiveTasks(id -> Optional.empty()),
            () -> List.copyOf(unfinished),
            FixedNetworkDirectory.defaultVpc("gantry", "172.30.0.0/16"),
            "us-east-1",
            "000000000000");

    @Test
    void aProvisioningTaskWithoutAnAddressHoldsItsSubnetAndGroups() {
        assertThat(interfaces.interfaces()).isEmpty();
        assertThat(interfaces.anyIn("subnet-a")).isFalse();
        assertThat(interfaces.userOf("sg-web")).isEmpty();

        unfinished.add(new LiveTaskInterfaces.Placed(
                "arn:aws:ecs:us-east-1:000000000000:task/c/1",
                Optional.of(new TaskNetwork("subnet-a", "vpc-a", "gantry-subnet-a", List.of("sg-web"), false))));
        assertThat(interfaces.anyIn("subnet-a")).isTrue();
        assertThat(interfaces.anyIn("subnet-b")).isFalse();
        assertThat(interfaces.userOf("sg-web")).contains("arn:aws:ecs:us-east-1:000000000000:task/c/1");
        assertThat(interfaces.userOf("sg-other")).isEmpty();
    }
}
