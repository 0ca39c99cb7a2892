package dev.gantry.control.reconcile;

import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sample control loop for the runtime's table tests: every desired task (id → image) has its image pulled and a
 * live sandbox; a task no longer desired has none. Records when each key was reconciled, in whole seconds of the
 * test's clock.
 */
final class SandboxLoop implements Reconciler<String> {

    private static final TaskResources SIZE = new TaskResources(256L << 20, 250_000_000L);

    final Map<String, String> desired = new ConcurrentHashMap<>();
    final Map<String, List<Long>> attempts = new ConcurrentHashMap<>();
    private final FakeDriver driver;
    private final InstantSource clock;
    private final Instant start;
    private final Optional<Duration> requeue;

    SandboxLoop(FakeDriver driver, InstantSource clock, Optional<Duration> requeue) {
        this.driver = driver;
        this.clock = clock;
        this.start = clock.instant();
        this.requeue = requeue;
    }

    @Override
    public Result reconcile(String taskId) {
        attempts.computeIfAbsent(taskId, k -> new CopyOnWriteArrayList<>())
                .add(Duration.between(start, clock.instant()).toSeconds());
        String image = desired.get(taskId);
        if (image == null) {
            driver.removeSandbox(taskId);
            return Result.done();
        }
        driver.ensureImage(image, PullProgress.NONE); // a RuntimeError thrown here counts as Failed
        boolean live = driver.findSandbox(taskId)
                .filter(sb -> !sb.ipv4Address().isBlank())
                .isPresent();
        if (!live) {
            driver.claimSandbox(
                    new TaskRef(taskId, "arn:aws:ecs:us-east-1:000000000000:task/c/" + taskId, "c", "f", 1), SIZE);
        }
        return requeue.<Result>map(Result::requeueAfter).orElse(Result.done());
    }
}
