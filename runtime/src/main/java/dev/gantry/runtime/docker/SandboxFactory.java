package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.HostConfig;
import dev.gantry.runtime.spi.TaskResources;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Creates, starts and removes sandbox containers. The sandbox image's process idles and exits on SIGTERM. */
final class SandboxFactory {

    /** The sandbox image's command: sleep forever, exit at once on SIGTERM/SIGINT. */
    static final String SANDBOX_CMD =
            "CMD [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done\"]";

    private final DockerClient docker;
    private final DockerDriverConfig config;
    private final TaskCgroups cgroups;

    SandboxFactory(DockerClient docker, DockerDriverConfig config, TaskCgroups cgroups) {
        this.docker = docker;
        this.config = config;
        this.cgroups = cgroups;
    }

    /**
     * Creates and starts a sandbox named {@code name} on the network, in Gantry's cgroup subtree and of {@code size}
     * where tasks get a cgroup of their own; returns its id.
     */
    String create(String name, Optional<TaskResources> size) {
        String id = docker.createContainerCmd(config.sandboxImage())
                .withName(name)
                .withLabels(Map.of(
                        Names.LABEL_MANAGED,
                        "true",
                        Names.LABEL_INSTALLATION,
                        config.installationId(),
                        Names.LABEL_ROLE,
                        Names.ROLE_SANDBOX))
                .withStopTimeout(2)
                .withHostConfig(cgroups.sandboxHostConfig(
                        HostConfig.newHostConfig().withNetworkMode(config.networkName()), size))
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();
        } catch (NotModifiedException startedByAConcurrentClaimOfTheSameTask) {
            // already running
        } catch (RuntimeException e) {
            remove(id);
            throw e;
        }
        return id;
    }

    /** Force-removes a sandbox (by id or name); no-op if it is gone or already being removed. */
    void remove(String idOrName) {
        EngineCalls.forceRemove(docker, idOrName);
    }

    static String randomSuffix() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
