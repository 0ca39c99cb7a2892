package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.gantry.runtime.spi.RuntimeError;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge network all sandboxes join. Shared by every Gantry installation on the engine and never removed;
 * created on first use, tolerating another instance creating it at the same moment.
 */
final class EngineNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(EngineNetwork.class);

    /** What a sandbox needs to know about its network. */
    record Info(String name, String subnet, String gateway) {}

    private EngineNetwork() {}

    static Info ensure(DockerClient docker, String name) {
        Optional<Network> existing = find(docker, name);
        if (existing.isEmpty()) {
            try {
                docker.createNetworkCmd()
                        .withName(name)
                        .withDriver("bridge")
                        .withCheckDuplicate(true)
                        .withLabels(Map.of(Names.LABEL_MANAGED, "true"))
                        .exec();
                LOG.atInfo().addKeyValue("network", name).log("created network");
            } catch (ConflictException concurrentCreator) {
                // Another Gantry instance created it between our look and our create: use theirs.
            } catch (RuntimeException e) {
                throw DockerErrors.of(
                        RuntimeError.Kind.SANDBOX_FAILED,
                        "cannot create network " + name + ": " + DockerErrors.text(e),
                        true);
            }
            existing = find(docker, name);
        }
        Network network = existing.orElseThrow(() -> DockerErrors.of(
                RuntimeError.Kind.SANDBOX_FAILED, "network " + name + " disappeared right after it was created", true));
        return info(name, network);
    }

    private static Optional<Network> find(DockerClient docker, String name) {
        try {
            return Optional.of(docker.inspectNetworkCmd().withNetworkId(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Info info(String name, Network network) {
        if (network.getIpam() == null || network.getIpam().getConfig() == null) {
            return new Info(name, "", "");
        }
        return network.getIpam().getConfig().stream()
                .filter(c -> c.getSubnet() != null && !c.getSubnet().contains(":"))
                .findFirst()
                .map(c -> new Info(name, c.getSubnet(), c.getGateway() == null ? "" : c.getGateway()))
                .orElse(new Info(name, "", ""));
    }
}
