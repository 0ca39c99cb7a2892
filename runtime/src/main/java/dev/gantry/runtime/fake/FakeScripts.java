package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.ContainerObservation.State;
import dev.gantry.runtime.spi.Health;
import dev.gantry.runtime.spi.RuntimeError;
import java.time.Duration;
import java.util.Optional;

/** Plays a container's {@link ContainerScript} when it starts. Called under the driver's lock. */
final class FakeScripts {

    /** Docker's exit code for a container whose start failed before its process ran (e.g. its network is gone). */
    static final int START_FAILED = 128;
    /** Docker's exit code when the command cannot be executed. */
    static final int COMMAND_FAILED = 127;

    private FakeScripts() {}

    /**
     * Starts {@code c} (not running): fails as the engine does if its sandbox is not running or the script says
     * so (the container stays CREATED, with the error recorded), else runs the script's zero-delay steps at once
     * and schedules the rest.
     */
    static void start(FakeDriver driver, FakeContainer c, Optional<String> sandboxProblem) {
        ContainerScript script = c.script;
        Optional<String> failure = sandboxProblem.or(script::startFailure);
        if (failure.isPresent()) {
            c.error = failure;
            c.exitCode = Optional.of(sandboxProblem.isPresent() ? START_FAILED : COMMAND_FAILED);
            throw new RuntimeError(RuntimeError.Kind.CANNOT_START_CONTAINER, failure.get(), false, null);
        }
        c.generation++;
        c.state = State.RUNNING;
        c.startedAt = Optional.of(driver.now());
        c.finishedAt = Optional.empty();
        c.exitCode = Optional.empty();
        c.oomKilled = false;
        c.error = Optional.empty();
        c.logs.live(true);
        for (ContainerScript.Output line : script.output()) {
            c.logs.append(driver.now(), line.stderr(), line.message());
        }
        if (c.hasHealthCheck()) {
            c.health = Health.STARTING;
            var steps = script.health().isEmpty()
                    ? java.util.List.of(new ContainerScript.HealthStep(Duration.ZERO, Health.HEALTHY))
                    : script.health();
            for (ContainerScript.HealthStep step : steps) {
                at(driver, c, step.after(), () -> driver.health(c, step.health()));
            }
        }
        script.exit()
                .ifPresent(exit -> at(driver, c, exit.after(), () -> driver.exited(c, exit.code(), exit.oomKilled())));
    }

    private static void at(FakeDriver driver, FakeContainer c, Duration after, Runnable step) {
        if (after.isZero()) {
            if (c.state == State.RUNNING) {
                step.run();
            }
        } else {
            driver.later(c, after, step);
        }
    }
}
