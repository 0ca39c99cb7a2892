package dev.gantry.runtime.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.Health;
import dev.gantry.runtime.spi.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Maps engine inspect data onto the SPI's observation records. Pure: no engine access. */
final class Observations {

    private Observations() {}

    static ContainerObservation container(String runtimeId, String containerName, InspectContainerResponse r) {
        InspectContainerResponse.ContainerState s = r.getState();
        ContainerObservation.State state = state(s == null ? null : s.getStatus());
        Optional<Integer> exitCode = state == ContainerObservation.State.EXITED && s.getExitCodeLong() != null
                ? Optional.of(s.getExitCodeLong().intValue())
                : Optional.empty();
        boolean oom = s != null && Boolean.TRUE.equals(s.getOOMKilled());
        Health health = s == null || s.getHealth() == null
                ? Health.NONE
                : health(s.getHealth().getStatus()).orElse(Health.NONE);
        Optional<String> image = Optional.ofNullable(r.getImageId()).filter(i -> !i.isBlank());
        Optional<String> error =
                s == null ? Optional.empty() : Optional.ofNullable(s.getError()).filter(e -> !e.isBlank());
        String id = r.getId() != null ? r.getId() : runtimeId;
        return new ContainerObservation(
                id,
                containerName,
                state,
                exitCode,
                oom,
                health,
                image,
                s == null ? Optional.empty() : DockerTimestamps.parse(s.getStartedAt()),
                s == null ? Optional.empty() : DockerTimestamps.parse(s.getFinishedAt()),
                error);
    }

    /** A SIGKILL exit: the OOM killer's or a stop's. */
    static final int SIGKILL_EXIT = 137;

    /** How recent an exit must be for its OOM flag to still be on its way from the engine. */
    static final Duration OOM_FLAG_WINDOW = Duration.ofSeconds(5);

    /**
     * True for a container that exited by SIGKILL within {@link #OOM_FLAG_WINDOW} of {@code now} without the OOM
     * flag: the engine may set the flag a moment after it reports the exit.
     */
    static boolean mayStillBeOomKilled(ContainerObservation o, Instant now) {
        return o.state() == ContainerObservation.State.EXITED
                && !o.oomKilled()
                && o.exitCode().orElse(0) == SIGKILL_EXIT
                && o.finishedAt()
                        .map(f -> !f.isBefore(now.minus(OOM_FLAG_WINDOW)))
                        .orElse(false);
    }

    /** The same observation, OOM-killed: the engine logged the container's {@code oom} event but not its flag. */
    static ContainerObservation oomKilled(ContainerObservation o) {
        return new ContainerObservation(
                o.runtimeId(),
                o.containerName(),
                o.state(),
                o.exitCode(),
                true,
                o.health(),
                o.imageDigest(),
                o.startedAt(),
                o.finishedAt(),
                o.error());
    }

    /** Docker's status word to the SPI state; paused and restarting containers are still running. */
    static ContainerObservation.State state(String status) {
        if (status == null) {
            return ContainerObservation.State.MISSING;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "created" -> ContainerObservation.State.CREATED;
            case "running", "paused", "restarting" -> ContainerObservation.State.RUNNING;
            case "exited", "dead", "removing" -> ContainerObservation.State.EXITED;
            default -> ContainerObservation.State.MISSING;
        };
    }

    /** {@code healthy}, {@code unhealthy}, {@code starting}, {@code none}; empty for anything else. */
    static Optional<Health> health(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "healthy" -> Optional.of(Health.HEALTHY);
            case "unhealthy" -> Optional.of(Health.UNHEALTHY);
            case "starting" -> Optional.of(Health.STARTING);
            case "none", "" -> Optional.of(Health.NONE);
            default -> Optional.empty();
        };
    }

    /** The sandbox as seen on {@code network}; the address fields are empty if it is not attached (not running). */
    static Sandbox sandbox(InspectContainerResponse r, EngineNetwork.Info network, TaskCgroups cgroups) {
        ContainerNetwork n =
                r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null
                        ? null
                        : r.getNetworkSettings().getNetworks().get(network.name());
        String ip = n == null || n.getIpAddress() == null ? "" : n.getIpAddress();
        String mac = n == null || n.getMacAddress() == null ? "" : n.getMacAddress();
        String gateway =
                n != null && n.getGateway() != null && !n.getGateway().isBlank() ? n.getGateway() : network.gateway();
        return new Sandbox(
                r.getId(),
                ip,
                mac,
                network.name(),
                network.subnet(),
                gateway,
                cgroups.taskCgroup(r.getId(), r.getHostConfig()));
    }
}
