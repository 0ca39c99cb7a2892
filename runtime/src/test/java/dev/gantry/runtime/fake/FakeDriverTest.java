package dev.gantry.runtime.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.runtime.spi.ContainerObservation.State;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.Health;
import dev.gantry.runtime.spi.HealthSpec;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RegistryAuth;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.RuntimeEvent;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the fake adds to the contract: scripts over time, injected failures, its network, and scale. */
class FakeDriverTest {

    private static final TaskResources SIZE = new TaskResources(256L << 20, 250_000_000L);

    /** A timer advanced by hand: delayed steps run when the test says time has passed. */
    private static final class ManualTimer implements FakeTimer {
        private record Step(long due, Runnable action) {}

        private final List<Step> steps = new ArrayList<>();
        private long now;

        @Override
        public synchronized void schedule(Duration delay, Runnable action) {
            steps.add(new Step(now + delay.toNanos(), action));
        }

        void advance(Duration d) {
            List<Step> due = new ArrayList<>();
            synchronized (this) {
                now += d.toNanos();
                steps.removeIf(s -> s.due() <= now && due.add(s));
            }
            due.sort((a, b) -> Long.compare(a.due(), b.due()));
            due.forEach(s -> s.action().run());
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private final FakeDriver driver =
            FakeDriver.builder().timer(timer).network("test", "10.9.0.0/29").build();
    private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();

    FakeDriverTest() {
        driver.start();
        driver.watch(events::add);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private static TaskRef task(String id) {
        return new TaskRef(id, "arn:aws:ecs:us-east-1:000000000000:task/c/" + id, "c", "f", 1);
    }

    private static ContainerSpec spec(TaskRef task, String name, boolean healthCheck) {
        return new ContainerSpec(
                task,
                name,
                "app:1",
                List.of(),
                List.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0,
                0,
                List.of(),
                false,
                healthCheck
                        ? Optional.of(new HealthSpec(
                                List.of("CMD", "true"), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ZERO, 3))
                        : Optional.empty(),
                Map.of(),
                false,
                false,
                Duration.ofSeconds(30));
    }

    private String started(TaskRef task, String name, boolean healthCheck) {
        Sandbox sb = driver.claimSandbox(task, SIZE);
        driver.ensureImage("app:1", PullProgress.NONE);
        String id = driver.createContainer(sb, spec(task, name, healthCheck));
        driver.startContainer(id);
        return id;
    }

    private void awaitEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a hang guard, not a timing assertion
        while (events.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void delayedStepsRunWhenTheTimerSaysSoAndHealthFlapsWithEventsInOrder() throws Exception {
        driver.scriptContainer(
                "web",
                ContainerScript.builder()
                        .health(Health.HEALTHY)
                        .healthAfter(Duration.ofSeconds(10), Health.UNHEALTHY)
                        .healthAfter(Duration.ofSeconds(20), Health.HEALTHY)
                        .exitsAfter(Duration.ofSeconds(30), 7)
                        .build());
        String id = started(task("t1"), "web", true);
        assertThat(driver.inspect(id, "web").health()).isEqualTo(Health.HEALTHY);

        timer.advance(Duration.ofSeconds(10));
        assertThat(driver.inspect(id, "web").health()).isEqualTo(Health.UNHEALTHY);
        timer.advance(Duration.ofSeconds(20));
        assertThat(driver.inspect(id, "web").exitCode()).contains(7);
        awaitEvents(4);
        assertThat(events)
                .map(e -> e instanceof RuntimeEvent.HealthChanged h ? h.health().name() : "EXIT")
                .containsExactly("HEALTHY", "UNHEALTHY", "HEALTHY", "EXIT");
    }

    @Test
    void aDelayedStepOfAnEarlierRunDoesNothingAfterARestart() {
        driver.scriptContainer(
                "job",
                ContainerScript.builder().exitsAfter(Duration.ofSeconds(5), 1).build());
        String id = started(task("t2"), "job", false);
        driver.stopContainer(id, Duration.ofSeconds(1));
        timer.advance(Duration.ofSeconds(3));
        driver.startContainer(id);
        timer.advance(Duration.ofSeconds(3)); // the first run's exit was due now
        assertThat(driver.inspect(id, "job").state()).isEqualTo(State.RUNNING);
        timer.advance(Duration.ofSeconds(2));
        assertThat(driver.inspect(id, "job").exitCode()).contains(1);
    }

    @Test
    void injectedFailuresAreMetInOrderThenCallsSucceed() {
        driver.failNext(
                FakeDriver.Operation.CLAIM_SANDBOX,
                2,
                new RuntimeError(RuntimeError.Kind.SANDBOX_FAILED, "engine busy", true, null));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> driver.claimSandbox(task("t3"), SIZE))
                    .isInstanceOfSatisfying(
                            RuntimeError.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessage("engine busy");
        }
        assertThat(driver.claimSandbox(task("t3"), SIZE).ipv4Address()).isNotBlank();
        assertThat(driver.calls(FakeDriver.Operation.CLAIM_SANDBOX)).isEqualTo(3);
        assertThat(driver.pendingFailures(FakeDriver.Operation.CLAIM_SANDBOX)).isZero();
    }

    @Test
    void scriptedCreateFailuresOomKillsAndSignalHandling() {
        driver.scriptContainer(
                "bad", ContainerScript.builder().failsToCreate("invalid mount").build());
        driver.scriptContainer(
                "hog",
                ContainerScript.builder().oomKilledAfter(Duration.ofSeconds(1)).build());
        driver.scriptContainer(
                "graceful", ContainerScript.builder().onSigtermExits(0).build());
        TaskRef t = task("t4");
        Sandbox sb = driver.claimSandbox(t, SIZE);
        driver.ensureImage("app:1", PullProgress.NONE);
        assertThatThrownBy(() -> driver.createContainer(sb, spec(t, "bad", false)))
                .isInstanceOfSatisfying(
                        RuntimeError.class,
                        e -> assertThat(e.kind()).isEqualTo(RuntimeError.Kind.CANNOT_CREATE_CONTAINER));
        String hog = started(t, "hog", false);
        timer.advance(Duration.ofSeconds(1));
        assertThat(driver.inspect(hog, "hog").oomKilled()).isTrue();
        assertThat(driver.inspect(hog, "hog").exitCode()).contains(137);
        String graceful = started(t, "graceful", false);
        driver.stopContainer(graceful, Duration.ofSeconds(5));
        assertThat(driver.inspect(graceful, "graceful").exitCode()).contains(0);
    }

    @Test
    void theNetworkRunsOutOfAddressesAsARealSubnetDoesAndReusesReleasedOnes() {
        Set<String> addresses = new HashSet<>(); // a /29: gateway .1, sandboxes .2 to .6
        for (int i = 0; i < 5; i++) {
            addresses.add(driver.claimSandbox(task("n" + i), SIZE).ipv4Address());
        }
        assertThat(addresses).hasSize(5).allMatch(a -> a.startsWith("10.9.0.")).doesNotContain("10.9.0.1");
        assertThatThrownBy(() -> driver.claimSandbox(task("n5"), SIZE))
                .isInstanceOfSatisfying(
                        RuntimeError.class, e -> assertThat(e.kind()).isEqualTo(RuntimeError.Kind.SANDBOX_FAILED));
        String freed = driver.findSandbox("n2").orElseThrow().ipv4Address();
        driver.removeSandbox("n2");
        assertThat(driver.claimSandbox(task("n5"), SIZE).ipv4Address()).isEqualTo(freed);
    }

    @Test
    void logLinesOnAClockThatDoesNotMoveStillResumeExactly() {
        FakeDriver frozen = FakeDriver.builder()
                .clock(() -> Instant.parse("2026-01-01T00:00:00Z"))
                .timer(timer)
                .build();
        frozen.start();
        frozen.scriptContainer(
                "talker",
                ContainerScript.builder().prints("a", "b", "c").exitsWith(0).build());
        TaskRef t = task("t5");
        Sandbox sb = frozen.claimSandbox(t, SIZE);
        frozen.ensureImage("app:1", PullProgress.NONE);
        String id = frozen.createContainer(sb, spec(t, "talker", false));
        frozen.startContainer(id);
        List<dev.gantry.runtime.spi.LogLine> lines = new ArrayList<>();
        frozen.followLogs(id, Optional.empty(), lines::add);
        List<String> resumed = new ArrayList<>();
        frozen.followLogs(id, Optional.of(lines.get(0).timestamp()), l -> resumed.add(l.message()));
        assertThat(resumed).containsExactly("b", "c");
        frozen.close();
    }

    @Test
    void lifecyclesOnManyThreadsAtOnceLoseNoEventAndLeaveNothingBehind() throws Exception {
        FakeDriver shared = FakeDriver.builder().timer(timer).images("app:1").build();
        shared.start();
        List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable w = shared.watch(seen::add);
                var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int n = thread;
                running.add(threads.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        TaskRef t = task("p" + n + "-" + i);
                        Sandbox sb = shared.claimSandbox(t, SIZE);
                        String id = shared.createContainer(sb, spec(t, "main", false));
                        shared.startContainer(id);
                        shared.stopContainer(id, Duration.ofSeconds(1));
                        shared.removeContainer(id);
                        shared.removeSandbox(t.taskId());
                    }
                    return null;
                }));
            }
            for (var f : running) {
                f.get();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a hang guard
            while (seen.size() < 2_000 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(seen).hasSize(2_000).allMatch(e -> e instanceof RuntimeEvent.ContainerExited);
        assertThat(seen.stream().map(RuntimeEvent::runtimeId).distinct()).hasSize(2_000);
        assertThat(shared.listOwned()).isEmpty();
        shared.close();
    }

    @Test
    void tenThousandTaskLifecyclesAreCheap() {
        FakeDriver big = FakeDriver.builder().timer(timer).images("app:1").build();
        big.start();
        for (int i = 0; i < 10_000; i++) {
            TaskRef t = task("big" + i);
            Sandbox sb = big.claimSandbox(t, SIZE);
            String id = big.createContainer(sb, spec(t, "main", false));
            big.startContainer(id);
            big.stopContainer(id, Duration.ofSeconds(30));
            big.removeContainer(id);
            big.removeSandbox(t.taskId());
        }
        assertThat(big.containers()).isEmpty();
        assertThat(big.sandboxes()).isEmpty();
        assertThat(big.removals()).hasSize(20_000);
        big.close();
    }

    @Test
    void aPrivateImagePullsOnlyWithItsCredentialsAndAlwaysAsksTheRegistry() {
        RegistryAuth right = new RegistryAuth("ci", "s3cret");
        driver.start();
        driver.privateImage("127.0.0.1:5000/team/app:1", right);

        assertThatThrownBy(() -> driver.ensureImage("127.0.0.1:5000/team/app:1", PullProgress.NONE))
                .isInstanceOf(RuntimeError.class)
                .hasMessageContaining("no basic auth credentials");
        assertThatThrownBy(() -> driver.ensureImage(
                        "127.0.0.1:5000/team/app:1", Optional.of(new RegistryAuth("ci", "wrong")), PullProgress.NONE))
                .isInstanceOfSatisfying(
                        RuntimeError.class,
                        e -> assertThat(e.kind()).isEqualTo(RuntimeError.Kind.CANNOT_PULL_CONTAINER))
                .hasMessage("Head \"https://127.0.0.1:5000/v2/team/app/manifests/1\": unauthorized: authentication "
                        + "required");
        assertThat(driver.ensureImage("127.0.0.1:5000/team/app:1", Optional.of(right), PullProgress.NONE))
                .startsWith("sha256:");
        assertThatThrownBy(() -> driver.ensureImage(
                        "127.0.0.1:5000/team/app:1", Optional.of(new RegistryAuth("ci", "wrong")), PullProgress.NONE))
                .as("present locally, yet wrong credentials are still refused")
                .hasMessageContaining("unauthorized");
        assertThat(new RegistryAuth("ci", "s3cret").toString()).doesNotContain("s3cret");
    }
}
