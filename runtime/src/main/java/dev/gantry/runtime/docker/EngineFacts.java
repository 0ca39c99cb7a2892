package dev.gantry.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * What the engine says about itself, for {@code gantry doctor}: reachable or why not, version, registered runtimes,
 * cgroup version and driver, root directory, and the Gantry bridge network. Read-only: creates nothing.
 *
 * @param host        the engine address (DOCKER_HOST or the local socket)
 * @param unreachable why the engine did not answer; the other fields are then empty
 * @param network     the bridge network's subnet, empty when it does not exist yet
 */
public record EngineFacts(
        URI host,
        Optional<String> unreachable,
        String version,
        String apiVersion,
        Set<String> runtimes,
        String cgroupVersion,
        String cgroupDriver,
        String rootDir,
        Optional<String> network) {

    /** Asks the engine, waiting at most ten seconds for it to answer. */
    public static EngineFacts probe(String networkName) {
        DockerClients.Connection c = DockerClients.connect();
        try (DockerClient docker = c.client()) {
            FutureTask<Void> ping = new FutureTask<>(() -> {
                docker.pingCmd().exec();
                return null;
            });
            Thread.ofVirtual().start(ping);
            try {
                ping.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                ping.cancel(true);
                Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
                return new EngineFacts(
                        c.host(), Optional.of(String.valueOf(cause)), "", "", Set.of(), "", "", "", Optional.empty());
            }
            Info info = docker.infoCmd().exec();
            Version version = docker.versionCmd().exec();
            Optional<String> network;
            try {
                network = Optional.of(EngineNetworkProbe.subnet(docker, networkName));
            } catch (com.github.dockerjava.api.exception.NotFoundException missing) {
                network = Optional.empty();
            }
            return new EngineFacts(
                    c.host(),
                    Optional.empty(),
                    String.valueOf(version.getVersion()),
                    String.valueOf(version.getApiVersion()),
                    info.getRuntimes() == null
                            ? Set.of()
                            : Set.copyOf(info.getRuntimes().keySet()),
                    info.getCGroupVersion() == null ? "1" : info.getCGroupVersion(),
                    String.valueOf(info.getCGroupDriver()),
                    String.valueOf(info.getDockerRootDir()),
                    network);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The network's IPv4 subnet as the engine reports it. */
    private static final class EngineNetworkProbe {
        static String subnet(DockerClient docker, String name) {
            var n = docker.inspectNetworkCmd().withNetworkId(name).exec();
            if (n.getIpam() == null || n.getIpam().getConfig() == null) {
                return "";
            }
            return n.getIpam().getConfig().stream()
                    .map(com.github.dockerjava.api.model.Network.Ipam.Config::getSubnet)
                    .filter(s -> s != null && !s.contains(":"))
                    .findFirst()
                    .orElse("");
        }
    }
}
