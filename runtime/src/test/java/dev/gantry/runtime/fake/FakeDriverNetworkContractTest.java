package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.runtime.spi.TaskDriverNetworkContract;

/** The fake driver held to the network contract the Docker driver is held to. */
class FakeDriverNetworkContractTest extends TaskDriverNetworkContract {
    @Override
    protected TaskDriver createDriver() {
        FakeDriver fake = FakeDriver.builder().build();
        fake.start();
        return fake;
    }

    @Override
    protected void destroyDriver(TaskDriver driver) {
        driver.close();
    }
}
