package dev.gantry.runtime.docker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configuration of a {@link DockerDriver}.
 *
 * @param installationId short id unique to one Gantry data dir; labels and pool names carry it
 * @param networkName    the bridge network every sandbox joins; shared by all installations, never removed
 * @param busyboxPath    static busybox on the host, used to build the sandbox image with no registry
 * @param warmSandboxes  how many started sandboxes to keep ready for claims, at least (a burst of claims grows the
 *                       pool for a while, see {@link SandboxPool}); 0 disables the pool
 * @param sandboxImage   tag of the sandbox image, built locally when missing
 * @param pullTimeout    upper bound for one image pull
 */
public record DockerDriverConfig(
        String installationId,
        String networkName,
        Path busyboxPath,
        int warmSandboxes,
        String sandboxImage,
        Duration pullTimeout) {

    public static final String DEFAULT_NETWORK = "gantry";
    public static final Path DEFAULT_BUSYBOX = Path.of("/bin/busybox");
    public static final int DEFAULT_WARM_SANDBOXES = 2;
    public static final String DEFAULT_SANDBOX_IMAGE = "gantry/sandbox:1";
    public static final Duration DEFAULT_PULL_TIMEOUT = Duration.ofMinutes(5);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern NETWORK = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public DockerDriverConfig {
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(busyboxPath, "busyboxPath");
        Objects.requireNonNull(sandboxImage, "sandboxImage");
        Objects.requireNonNull(pullTimeout, "pullTimeout");
        if (!ID.matcher(installationId).matches()) {
            throw new IllegalArgumentException("installationId must match " + ID + ": " + installationId);
        }
        if (!NETWORK.matcher(networkName).matches()) {
            throw new IllegalArgumentException("invalid network name: " + networkName);
        }
        if (warmSandboxes < 0) {
            throw new IllegalArgumentException("warmSandboxes must be >= 0: " + warmSandboxes);
        }
        if (pullTimeout.isNegative() || pullTimeout.isZero()) {
            throw new IllegalArgumentException("pullTimeout must be positive: " + pullTimeout);
        }
    }

    /** The defaults for everything but the installation id. */
    public static DockerDriverConfig defaults(String installationId) {
        return new DockerDriverConfig(
                installationId,
                DEFAULT_NETWORK,
                DEFAULT_BUSYBOX,
                DEFAULT_WARM_SANDBOXES,
                DEFAULT_SANDBOX_IMAGE,
                DEFAULT_PULL_TIMEOUT);
    }

    public DockerDriverConfig withNetworkName(String value) {
        return new DockerDriverConfig(installationId, value, busyboxPath, warmSandboxes, sandboxImage, pullTimeout);
    }

    public DockerDriverConfig withBusyboxPath(Path value) {
        return new DockerDriverConfig(installationId, networkName, value, warmSandboxes, sandboxImage, pullTimeout);
    }

    public DockerDriverConfig withWarmSandboxes(int value) {
        return new DockerDriverConfig(installationId, networkName, busyboxPath, value, sandboxImage, pullTimeout);
    }

    public DockerDriverConfig withSandboxImage(String value) {
        return new DockerDriverConfig(installationId, networkName, busyboxPath, warmSandboxes, value, pullTimeout);
    }

    public DockerDriverConfig withPullTimeout(Duration value) {
        return new DockerDriverConfig(installationId, networkName, busyboxPath, warmSandboxes, sandboxImage, value);
    }
}
