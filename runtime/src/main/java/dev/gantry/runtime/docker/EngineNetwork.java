package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.gantry.runtime.spi.NetworkSpec;
import dev.gantry.runtime.spi.RuntimeError;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's bridge networks. The default one, which warm sandboxes join, is shared by every Gantry installation
 * on the engine and never removed; created on first use, tolerating another instance creating it at the same
 * moment. A subnet's network ({@link #ensureSubnet}) has exactly the subnet's range and gateway, is labelled with the
 * installation that made it and only ever removed by that installation ({@link #remove}).
 */
final class EngineNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(EngineNetwork.class);

    /** What a sandbox needs to know about its network. */
    record Info(String name, String subnet, String gateway, boolean internal) {
        Info(String name, String subnet, String gateway) {
            this(name, subnet, gateway, false);
        }
    }

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

    /** The network {@code name} as it is now; fails if it does not exist. */
    static Info inspect(DockerClient docker, String name) {
        return find(docker, name)
                .map(n -> info(name, n))
                .orElseThrow(() -> DockerErrors.of(
                        RuntimeError.Kind.SANDBOX_FAILED,
                        "network " + name + " does not exist; its subnet was deleted or never realised",
                        false));
    }

    /**
     * Creates the network of a subnet, labelled with {@code installation}, or keeps the one of that name when it has
     * exactly this range; the engine refusing the range (it overlaps another network's) is a NETWORK_CONFLICT.
     */
    static Info ensureSubnet(DockerClient docker, NetworkSpec spec, String installation) {
        Optional<Network> existing = find(docker, spec.name());
        if (existing.isPresent()) {
            Info info = info(spec.name(), existing.get());
            if (!info.subnet().equals(spec.cidr())) {
                throw new RuntimeError(
                        RuntimeError.Kind.NETWORK_CONFLICT,
                        "the engine network " + spec.name() + " exists with range " + info.subnet() + ", not "
                                + spec.cidr(),
                        false,
                        null);
            }
            return info;
        }
        try {
            docker.createNetworkCmd()
                    .withName(spec.name())
                    .withDriver("bridge")
                    .withCheckDuplicate(true)
                    .withInternal(spec.internal())
                    .withIpam(new Network.Ipam()
                            .withConfig(new Network.Ipam.Config()
                                    .withSubnet(spec.cidr())
                                    .withGateway(spec.gateway())))
                    .withLabels(Map.of(
                            Names.LABEL_MANAGED,
                            "true",
                            Names.LABEL_INSTALLATION,
                            installation,
                            Names.LABEL_ROLE,
                            Names.ROLE_SUBNET))
                    .exec();
            LOG.atInfo()
                    .addKeyValue("network", spec.name())
                    .addKeyValue("cidr", spec.cidr())
                    .addKeyValue("internal", spec.internal())
                    .log("created subnet network");
        } catch (ConflictException concurrentCreator) {
            // created meanwhile by a concurrent call: checked below
        } catch (RuntimeException e) {
            String why = DockerErrors.text(e);
            boolean conflict = why.contains("overlap") || why.contains("invalid") || why.contains("Invalid");
            throw new RuntimeError(
                    conflict ? RuntimeError.Kind.NETWORK_CONFLICT : RuntimeError.Kind.ENGINE_UNAVAILABLE,
                    "the engine cannot create network " + spec.name() + " with range " + spec.cidr() + ": " + why,
                    !conflict,
                    e);
        }
        return inspect(docker, spec.name());
    }

    /** Removes a subnet's network if {@code installation} made it; no-op if gone or another installation's. */
    static void remove(DockerClient docker, String name, String installation) {
        Optional<Network> existing = find(docker, name);
        if (existing.isEmpty()
                || existing.get().getLabels() == null
                || !installation.equals(existing.get().getLabels().get(Names.LABEL_INSTALLATION))) {
            return;
        }
        try {
            docker.removeNetworkCmd(existing.get().getId()).exec();
            LOG.atInfo().addKeyValue("network", name).log("removed subnet network");
        } catch (NotFoundException gone) {
            // removed meanwhile
        } catch (RuntimeException e) {
            throw DockerErrors.of(
                    RuntimeError.Kind.SANDBOX_FAILED,
                    "cannot remove network " + name + ": " + DockerErrors.text(e),
                    true);
        }
    }

    private static Optional<Network> find(DockerClient docker, String name) {
        try {
            return Optional.of(docker.inspectNetworkCmd().withNetworkId(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Info info(String name, Network network) {
        boolean internal = Boolean.TRUE.equals(network.getInternal());
        if (network.getIpam() == null || network.getIpam().getConfig() == null) {
            return new Info(name, "", "", internal);
        }
        return network.getIpam().getConfig().stream()
                .filter(c -> c.getSubnet() != null && !c.getSubnet().contains(":"))
                .findFirst()
                .map(c -> new Info(name, c.getSubnet(), c.getGateway() == null ? "" : c.getGateway(), internal))
                .orElse(new Info(name, "", "", internal));
    }
}
