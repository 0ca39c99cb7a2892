package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.Health;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fake container "does": fail to be created or started, print lines when it starts, report health (only if
 * its spec has a health check, as an engine does), exit with a code (at once or after a delay), and how it answers
 * the stop signal. Immutable; build with {@link #builder()}. The default script runs until stopped, prints nothing,
 * is healthy at once when it has a health check, and exits 143 on SIGTERM (a process that handles it).
 */
public record ContainerScript(
        Optional<String> createFailure,
        Optional<String> startFailure,
        List<Output> output,
        List<HealthStep> health,
        Optional<Exit> exit,
        boolean ignoresSigterm,
        int sigtermExitCode) {

    /** The exit code of a process killed by SIGKILL: a stop past its timeout, a force removal, the OOM killer. */
    public static final int KILLED = 137;
    /** The exit code of a process ended by SIGTERM's default action. */
    public static final int TERMINATED = 143;

    /** The default script. */
    public static final ContainerScript RUNS_UNTIL_STOPPED = builder().build();

    /** One line the container writes when it starts. */
    public record Output(boolean stderr, String message) {
        public Output {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The health the container's check reports {@code after} its start. */
    public record HealthStep(Duration after, Health health) {
        public HealthStep {
            requireNonNegative(after);
            Objects.requireNonNull(health, "health");
        }
    }

    /** The container's main process exits with {@code code} {@code after} its start (OOM-killed if so). */
    public record Exit(Duration after, int code, boolean oomKilled) {
        public Exit {
            requireNonNegative(after);
        }
    }

    public ContainerScript {
        output = List.copyOf(output);
        health = List.copyOf(health);
        Objects.requireNonNull(createFailure, "createFailure");
        Objects.requireNonNull(startFailure, "startFailure");
        Objects.requireNonNull(exit, "exit");
    }

    /** The exit code a stop produces. */
    int stopExitCode() {
        return ignoresSigterm ? KILLED : sigtermExitCode;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireNonNegative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a script delay cannot be negative: " + d);
        }
    }

    /** Builds a {@link ContainerScript}; every method returns this builder. */
    public static final class Builder {
        private Optional<String> createFailure = Optional.empty();
        private Optional<String> startFailure = Optional.empty();
        private final List<Output> output = new ArrayList<>();
        private final List<HealthStep> health = new ArrayList<>();
        private Optional<Exit> exit = Optional.empty();
        private boolean ignoresSigterm;
        private int sigtermExitCode = TERMINATED;

        private Builder() {}

        /** createContainer fails with CANNOT_CREATE_CONTAINER and this message (as for a bad spec). */
        public Builder failsToCreate(String message) {
            createFailure = Optional.of(message);
            return this;
        }

        /** startContainer fails with CANNOT_START_CONTAINER and this message (as for a missing executable). */
        public Builder failsToStart(String message) {
            startFailure = Optional.of(message);
            return this;
        }

        /** Lines written to stdout at start. */
        public Builder prints(String... lines) {
            for (String l : lines) {
                output.add(new Output(false, l));
            }
            return this;
        }

        /** A line written to stderr at start (after the lines before it). */
        public Builder printsToStderr(String line) {
            output.add(new Output(true, line));
            return this;
        }

        /** The check's results in order, all at start: the last one stays (health flapping: HEALTHY, UNHEALTHY…). */
        public Builder health(Health... results) {
            for (Health h : results) {
                health.add(new HealthStep(Duration.ZERO, h));
            }
            return this;
        }

        /** A check result {@code after} the start: e.g. healthy at once, then unhealthy after a minute. */
        public Builder healthAfter(Duration after, Health result) {
            health.add(new HealthStep(after, result));
            return this;
        }

        /** Exits with {@code code} as soon as it starts (like {@code sh -c "exit 3"}). */
        public Builder exitsWith(int code) {
            return exitsAfter(Duration.ZERO, code);
        }

        /** Exits with {@code code} {@code after} its start (timed by the driver's {@link FakeTimer}). */
        public Builder exitsAfter(Duration after, int code) {
            exit = Optional.of(new Exit(after, code, false));
            return this;
        }

        /** Is killed by the OOM killer (exit 137, oomKilled) {@code after} its start. */
        public Builder oomKilledAfter(Duration after) {
            exit = Optional.of(new Exit(after, KILLED, true));
            return this;
        }

        /** Ignores SIGTERM: a stop kills it when the timeout passes (exit 137). */
        public Builder ignoresSigterm() {
            ignoresSigterm = true;
            return this;
        }

        /** Handles SIGTERM by exiting with {@code code} (e.g. 0 for a graceful shutdown). */
        public Builder onSigtermExits(int code) {
            sigtermExitCode = code;
            return this;
        }

        public ContainerScript build() {
            return new ContainerScript(
                    createFailure, startFailure, output, health, exit, ignoresSigterm, sigtermExitCode);
        }
    }
}
