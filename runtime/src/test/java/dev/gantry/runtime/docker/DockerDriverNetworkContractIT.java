package dev.gantry.runtime.docker;

import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.runtime.spi.TaskDriverNetworkContract;

/** The Docker driver's subnet networks on the real engine, held to the contract the fake driver is held to. */
class DockerDriverNetworkContractIT extends TaskDriverNetworkContract {
    private final String installation = "nc" + DriverFixtures.random();

    @Override
    protected TaskDriver createDriver() {
        DockerDriver driver = new DockerDriver(DockerDriverConfig.defaults(installation));
        driver.start();
        return driver;
    }

    @Override
    protected void destroyDriver(TaskDriver driver) {
        driver.close();
        DriverFixtures.removeInstallation(installation);
    }
}
