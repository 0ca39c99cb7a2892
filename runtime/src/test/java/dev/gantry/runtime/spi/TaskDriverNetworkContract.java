package dev.gantry.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link TaskDriver} does with networks beside its default one (a subnet's): made with exactly the range
 * asked, refused when it overlaps one that exists, a sandbox claimed for it moved there from the warm pool's network,
 * found there again, and the network removed only once no sandbox is on it. {@code FakeDriverNetworkContractTest}
 * (unit) and {@code DockerDriverNetworkContractIT} (a real engine) hold both drivers to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TaskDriverNetworkContract {
    private static final TaskResources SIZE = TaskDriverContract.SIZE;

    private TaskDriver driver;

    /** A started driver, made once for the class. */
    protected abstract TaskDriver createDriver();

    /** Closes the driver and removes everything it created. */
    protected abstract void destroyDriver(TaskDriver driver);

    @BeforeAll
    void startDriver() {
        driver = createDriver();
    }

    @AfterAll
    void stopDriver() {
        if (driver != null) {
            destroyDriver(driver);
        }
    }

    /** A /24 in 10.200-249.x: away from the engines' usual 172.16/12 and the fake's default range. */
    private static NetworkSpec someNetwork(boolean internal) {
        int b = 200 + ThreadLocalRandom.current().nextInt(50);
        int c = ThreadLocalRandom.current().nextInt(256);
        String name = "gantry-contract-" + b + "-" + c;
        return new NetworkSpec(name, "10." + b + "." + c + ".0/24", "10." + b + "." + c + ".1", internal);
    }

    @Test
    void aSandboxClaimedForASubnetsNetworkLivesThereAndIsFoundThere() {
        NetworkSpec net = someNetwork(false);
        driver.ensureNetwork(net);
        driver.ensureNetwork(net); // idempotent
        TaskRef task = TaskDriverContract.task();
        TaskRef onDefault = TaskDriverContract.task();
        try {
            Sandbox defaultOne = driver.claimSandbox(onDefault, SIZE, Optional.empty());
            Sandbox sb = driver.claimSandbox(task, SIZE, Optional.of(net.name()));
            assertThat(sb.networkName()).isEqualTo(net.name());
            assertThat(sb.subnetCidr()).isEqualTo(net.cidr());
            assertThat(sb.gatewayAddress()).isEqualTo(net.gateway());
            assertThat(TaskDriverContract.inSubnet(sb.ipv4Address(), net.cidr()))
                    .as("%s in %s", sb.ipv4Address(), net.cidr())
                    .isTrue();
            assertThat(defaultOne.networkName()).isNotEqualTo(net.name());
            assertThat(TaskDriverContract.inSubnet(defaultOne.ipv4Address(), net.cidr()))
                    .isFalse();
            assertThat(driver.claimSandbox(task, SIZE, Optional.of(net.name()))).isEqualTo(sb);
            assertThat(driver.findSandbox(task.taskId())).contains(sb);
        } finally {
            driver.removeSandbox(task.taskId());
            driver.removeSandbox(onDefault.taskId());
            driver.removeNetwork(net.name());
        }
    }

    @Test
    void anOverlappingRangeIsANetworkConflict() {
        NetworkSpec net = someNetwork(true);
        driver.ensureNetwork(net);
        try {
            NetworkSpec overlapping = new NetworkSpec(net.name() + "-b", net.cidr(), net.gateway(), false);
            assertThatThrownBy(() -> driver.ensureNetwork(overlapping))
                    .isInstanceOfSatisfying(RuntimeError.class, e -> {
                        assertThat(e.kind()).isEqualTo(RuntimeError.Kind.NETWORK_CONFLICT);
                        assertThat(e.getMessage()).contains(net.cidr());
                    });
        } finally {
            driver.removeNetwork(net.name());
        }
    }

    @Test
    void aNetworkIsRemovedOnlyOnceNoSandboxIsOnItAndRemovingAGoneOneIsANoOp() {
        NetworkSpec net = someNetwork(true);
        driver.ensureNetwork(net);
        TaskRef task = TaskDriverContract.task();
        driver.claimSandbox(task, SIZE, Optional.of(net.name()));
        assertThatThrownBy(() -> driver.removeNetwork(net.name())).isInstanceOf(RuntimeError.class);
        driver.removeSandbox(task.taskId());
        driver.removeNetwork(net.name());
        driver.removeNetwork(net.name());
        TaskRef later = TaskDriverContract.task();
        assertThatThrownBy(() -> driver.claimSandbox(later, SIZE, Optional.of(net.name())))
                .isInstanceOf(RuntimeError.class);
        driver.removeSandbox(later.taskId());
    }
}
