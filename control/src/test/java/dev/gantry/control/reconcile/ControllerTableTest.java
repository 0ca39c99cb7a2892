package dev.gantry.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.RuntimeError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests of the reconcile runtime driving a sample loop ({@link SandboxLoop}) against the fake driver, on a
 * clock advanced by hand one second at a time. Each row: the loop's settings, what is desired, what happens when
 * (injected engine failures, changes behind the loop's back), and when each key was reconciled and which sandboxes
 * are live at the end. Nothing sleeps; after every tick the test waits until the controller is idle.
 */
class ControllerTableTest {

    private static final Duration GUARD = Duration.ofSeconds(30); // against a hang only
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4));
    private static final Duration NO_RESYNC = Duration.ofDays(1);

    record World(FakeDriver driver, SandboxLoop loop, Controller<String> controller) {}

    record Step(long at, Consumer<World> action) {}

    record Row(
            String name,
            int workers,
            Duration resync,
            Optional<Duration> requeue,
            Map<String, String> desired,
            List<Step> steps,
            int seconds,
            Map<String, List<Long>> attempts,
            Set<String> live) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Step at(long second, Consumer<World> action) {
        return new Step(second, action);
    }

    private static RuntimeError hiccup() {
        return new RuntimeError(RuntimeError.Kind.SANDBOX_FAILED, "engine busy", true, null);
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row(
                        "each desired task gets a sandbox, in one pass",
                        2,
                        NO_RESYNC,
                        Optional.empty(),
                        Map.of("a", "ok:1", "b", "ok:1"),
                        List.of(),
                        5,
                        Map.of("a", List.of(0L), "b", List.of(0L)),
                        Set.of("a", "b")),
                new Row(
                        "backoff doubles from 1 s and stays at the 4 s cap until the engine recovers",
                        2,
                        NO_RESYNC,
                        Optional.empty(),
                        Map.of("a", "ok:1"),
                        List.of(at(0, w -> w.driver().failNext(FakeDriver.Operation.CLAIM_SANDBOX, 5, hiccup()))),
                        30,
                        Map.of("a", List.of(0L, 1L, 3L, 7L, 11L, 15L)),
                        Set.of("a")),
                new Row(
                        "a success resets the backoff: the next failure waits the base again",
                        2,
                        NO_RESYNC,
                        Optional.empty(),
                        Map.of("a", "ok:1"),
                        List.of(
                                at(0, w -> w.driver().failNext(FakeDriver.Operation.CLAIM_SANDBOX, 2, hiccup())),
                                at(10, w -> {
                                    w.driver().failNext(FakeDriver.Operation.CLAIM_SANDBOX, 1, hiccup());
                                    w.driver().killSandbox("a");
                                    w.controller().enqueue("a");
                                })),
                        20,
                        Map.of("a", List.of(0L, 1L, 3L, 10L, 11L)),
                        Set.of("a")),
                new Row(
                        "a key that always fails never blocks another, even with one worker",
                        1,
                        NO_RESYNC,
                        Optional.empty(),
                        Map.of("bad", "nope:1", "good", "ok:1"),
                        List.of(at(0, w -> w.driver().unpullable("nope:1", "manifest unknown")), at(5, w -> {
                            w.loop().desired.put("late", "ok:1");
                            w.controller().enqueue("late");
                        })),
                        12,
                        Map.of("bad", List.of(0L, 1L, 3L, 7L, 11L), "good", List.of(0L), "late", List.of(5L)),
                        Set.of("good", "late")),
                new Row(
                        "requeue-after is honoured, and only then",
                        2,
                        NO_RESYNC,
                        Optional.of(Duration.ofSeconds(30)),
                        Map.of("poll", "ok:1"),
                        List.of(),
                        65,
                        Map.of("poll", List.of(0L, 30L, 60L)),
                        Set.of("poll")),
                new Row(
                        "resync repairs drift that no event reported",
                        2,
                        Duration.ofSeconds(60),
                        Optional.empty(),
                        Map.of("a", "ok:1"),
                        List.of(
                                at(10, w -> w.driver().killSandbox("a")),
                                at(
                                        59,
                                        w -> assertThat(w.driver()
                                                        .findSandbox("a")
                                                        .orElseThrow()
                                                        .ipv4Address())
                                                .as("still dead before the resync")
                                                .isBlank())),
                        61,
                        Map.of("a", List.of(0L, 60L)),
                        Set.of("a")),
                new Row(
                        "a task no longer desired loses its sandbox",
                        2,
                        NO_RESYNC,
                        Optional.empty(),
                        Map.of("a", "ok:1", "b", "ok:1"),
                        List.of(at(10, w -> {
                            w.loop().desired.remove("b");
                            w.controller().enqueue("b");
                        })),
                        11,
                        Map.of("a", List.of(0L), "b", List.of(0L, 10L)),
                        Set.of("a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconciles(Row row) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        FakeDriver driver =
                FakeDriver.builder().clock(clock).timer(clock.asFakeTimer()).build();
        driver.start();
        SandboxLoop loop = new SandboxLoop(driver, clock, row.requeue());
        loop.desired.putAll(row.desired());
        Controller<String> controller = Controller.builder("table", loop)
                .workers(row.workers())
                .backoff(BACKOFF)
                .resync(row.resync(), () -> new TreeSet<>(loop.desired.keySet()))
                .clock(clock)
                .scheduler(clock)
                .build();
        World world = new World(driver, loop, controller);
        try {
            runSteps(row, world, 0); // before start: scripts the engine
            controller.start();
            assertThat(controller.awaitIdle(GUARD)).isTrue();
            for (long t = 1; t <= row.seconds(); t++) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(controller.awaitIdle(GUARD)).isTrue();
                runSteps(row, world, t);
                assertThat(controller.awaitIdle(GUARD)).isTrue();
            }
            assertThat(loop.attempts).isEqualTo(row.attempts());
            Set<String> live = driver.sandboxes().entrySet().stream()
                    .filter(e -> !e.getValue().ipv4Address().isBlank())
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(live).isEqualTo(row.live());
        } finally {
            controller.close();
            driver.close();
        }
    }

    private static void runSteps(Row row, World world, long t) {
        row.steps().stream().filter(s -> s.at() == t).forEach(s -> s.action().accept(world));
    }
}
