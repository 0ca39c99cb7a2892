package dev.gantry.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.HealthSpec;
import dev.gantry.runtime.spi.Sandbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pure builders: a {@link ContainerSpec} to Docker's create-container request. */
final class ContainerSpecs {

    /** Gantry reads logs through the engine, so it pins a driver that supports reading, whatever the default. */
    static final Map<String, String> LOG_OPTIONS = Map.of("max-size", "10m");

    private ContainerSpecs() {}

    /** Fills {@code cmd} (already made for {@code spec.image()}) for a container joining {@code sandbox}. */
    static CreateContainerCmd apply(
            CreateContainerCmd cmd, String installationId, Sandbox sandbox, ContainerSpec spec, long hostNanoCpus) {
        cmd.withName(Names.container(spec.task().taskId(), spec.name()))
                .withLabels(labels(installationId, spec))
                .withEnv(env(spec.environment()))
                .withHostConfig(hostConfig(installationId, sandbox, spec, hostNanoCpus))
                .withTty(spec.tty())
                .withStdinOpen(spec.openStdin())
                .withStopTimeout(seconds(spec.stopTimeout()));
        if (!spec.entryPoint().isEmpty()) {
            cmd.withEntrypoint(spec.entryPoint());
        }
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        spec.workingDirectory().filter(w -> !w.isBlank()).ifPresent(cmd::withWorkingDir);
        spec.user().filter(u -> !u.isBlank()).ifPresent(cmd::withUser);
        spec.healthCheck().map(ContainerSpecs::healthCheck).ifPresent(cmd::withHealthcheck);
        return cmd;
    }

    /**
     * The container joins the sandbox's network namespace and, where the task has a cgroup of its own, is created
     * under it (so the task's limits bind all its containers together); its own limits apply within that. Its cpu cap
     * is at most the host's CPUs, which is all the engine accepts (a task larger than the host still runs, as on a
     * host that size). How it is confined and what is mounted: {@link EngineIsolation}.
     */
    static HostConfig hostConfig(String installationId, Sandbox sandbox, ContainerSpec spec, long hostNanoCpus) {
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("container:" + sandbox.runtimeId())
                .withCgroupParent(sandbox.taskCgroup().orElse(null))
                .withReadonlyRootfs(spec.readonlyRootFilesystem())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_OPTIONS))
                .withUlimits(spec.ulimits().stream()
                        .map(u -> new Ulimit(u.name(), u.soft(), u.hard()))
                        .toList());
        if (spec.memoryBytes() > 0) {
            host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes());
        }
        if (spec.memoryReservationBytes() > 0) {
            host.withMemoryReservation(spec.memoryReservationBytes());
        }
        if (spec.nanoCpus() > 0) {
            host.withNanoCPUs(Math.min(spec.nanoCpus(), hostNanoCpus));
        }
        if (spec.cpuShares() > 0) {
            host.withCpuShares(Math.max(2, spec.cpuShares()));
        }
        EngineIsolation.apply(host, installationId, sandbox, spec);
        return host;
    }

    /** The caller's labels plus Gantry's and ECS's; Gantry's win on a clash. */
    static Map<String, String> labels(String installationId, ContainerSpec spec) {
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(Names.LABEL_MANAGED, "true");
        labels.put(Names.LABEL_INSTALLATION, installationId);
        labels.put(Names.LABEL_ROLE, Names.ROLE_CONTAINER);
        labels.put(Names.LABEL_TASK_ID, spec.task().taskId());
        labels.put(Names.LABEL_TASK_ARN, spec.task().taskArn());
        labels.put(Names.LABEL_CONTAINER_NAME, spec.name());
        labels.put(Names.ECS_CLUSTER, spec.task().clusterName());
        labels.put(Names.ECS_TASK_ARN, spec.task().taskArn());
        labels.put(Names.ECS_CONTAINER_NAME, spec.name());
        labels.put(Names.ECS_FAMILY, spec.task().family());
        labels.put(Names.ECS_VERSION, Integer.toString(spec.task().revision()));
        return labels;
    }

    static List<String> env(Map<String, String> environment) {
        return environment.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
    }

    /** Docker wants nanoseconds; zero means "engine default", so it is left out. */
    static HealthCheck healthCheck(HealthSpec h) {
        HealthCheck check = new HealthCheck().withTest(h.test());
        nanos(h.interval()).ifPresent(check::withInterval);
        nanos(h.timeout()).ifPresent(check::withTimeout);
        nanos(h.startPeriod()).ifPresent(check::withStartPeriod);
        if (h.retries() > 0) {
            check.withRetries(h.retries());
        }
        return check;
    }

    private static java.util.Optional<Long> nanos(Duration d) {
        return d == null || d.isZero() || d.isNegative()
                ? java.util.Optional.empty()
                : java.util.Optional.of(d.toNanos());
    }

    /** Whole seconds, rounded up, as Docker's stop timeout wants them. */
    static int seconds(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            return 0;
        }
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, s);
    }
}
