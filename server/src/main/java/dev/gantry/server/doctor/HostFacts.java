package dev.gantry.server.doctor;

import dev.gantry.runtime.docker.EngineFacts;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code gantry doctor} found on the host.
 *
 * @param engine          what the engine said about itself
 * @param engineIsLocal   whether the engine runs on this machine (a unix socket), so its root dir can be measured here
 * @param defaultRuntime  the configured GANTRY_DEFAULT_RUNTIME, if any
 * @param root            whether Gantry runs as root
 * @param canAddAddress   whether the process may add an address to an interface (root or CAP_NET_ADMIN)
 * @param endpointAddress whether 169.254.170.2 is configured on an interface of this host
 * @param endpointServer  when the address answers on port 80: the HTTP Server header (empty string if none)
 * @param dataDir         the data dir and its free bytes (of the nearest existing parent)
 * @param engineRootFree  free bytes under the engine's root dir, when measurable here
 */
public record HostFacts(
        EngineFacts engine,
        boolean engineIsLocal,
        Optional<String> defaultRuntime,
        boolean root,
        boolean canAddAddress,
        boolean endpointAddress,
        Optional<String> endpointServer,
        Path dataDir,
        OptionalLong dataDirFree,
        OptionalLong engineRootFree) {}
