package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.HealthSpec;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskDriver;
import dev.gantry.runtime.spi.TaskDriverContract;
import dev.gantry.runtime.spi.TaskRef;
import java.time.Duration;
import java.util.List;

/** The fake driver passes the contract the Docker driver passes against a real engine. */
class FakeDriverContractTest extends TaskDriverContract {

    private static final String IMAGE = "gantry-test/busybox:1";
    private FakeDriver fake;

    @Override
    protected TaskDriver createDriver() {
        fake = FakeDriver.builder().images(IMAGE).build();
        fake.unpullable(unpullableImage());
        fake.start();
        return fake;
    }

    @Override
    protected void destroyDriver(TaskDriver driver) {
        driver.close();
    }

    @Override
    protected String localImage() {
        return IMAGE;
    }

    @Override
    protected String unpullableImage() {
        return "gantry-does-not-exist.invalid/none:1";
    }

    @Override
    protected void killOutsideGantry(Sandbox sandbox) {
        fake.sandboxes().entrySet().stream()
                .filter(e -> e.getValue().runtimeId().equals(sandbox.runtimeId()))
                .forEach(e -> fake.killSandbox(e.getKey()));
    }

    @Override
    protected ContainerSpec container(TaskRef task, String name, Behaviour behaviour) {
        ContainerScript.Builder script = ContainerScript.builder();
        ContainerSpec spec = spec(task, name, IMAGE, List.of("fake"));
        switch (behaviour) {
            case Behaviour.RunsUntilStopped r -> {}
            case Behaviour.IgnoresSigterm i -> script.ignoresSigterm();
            case Behaviour.ExitsWith e -> script.exitsWith(e.code());
            case Behaviour.Prints p -> {
                p.lines().forEach(l -> {
                    if (l.stderr()) {
                        script.printsToStderr(l.message());
                    } else {
                        script.prints(l.message());
                    }
                });
                script.exitsWith(0);
            }
            case Behaviour.Healthy h ->
                spec = spec.withHealthCheck(new HealthSpec(
                        List.of("CMD-SHELL", "exit 0"),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ZERO,
                        3));
        }
        fake.script(s -> s.task().taskId().equals(task.taskId()) && s.name().equals(name), script.build());
        return spec;
    }
}
