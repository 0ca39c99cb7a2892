package dev.gantry.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link TaskDriver} does, observably. Each driver has a subclass that says how to make a container
 * that behaves as a {@link Behaviour} says (a command for a real engine, a script for the fake):
 * {@code FakeDriverContractTest} (unit) and {@code DockerDriverContractIT} (a real engine). When the two disagree,
 * one of them is wrong: the fake must behave as Docker does.
 *
 * <p>Waits poll with a generous limit that only guards against a hang; no assertion is about time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TaskDriverContract {

    /** How a test container behaves; each driver's subclass makes one that does so. */
    public sealed interface Behaviour {
        /** Runs until stopped; exits 143 on SIGTERM (a process that handles it by exiting as TERM would). */
        record RunsUntilStopped() implements Behaviour {}

        /** Runs until stopped; ignores SIGTERM, so a stop kills it (137) when the timeout passes. */
        record IgnoresSigterm() implements Behaviour {}

        /** Exits with {@code code} as soon as it starts. */
        record ExitsWith(int code) implements Behaviour {}

        /** Writes these lines (stderr where {@code stderr} says so), then exits 0. */
        record Prints(List<Line> lines) implements Behaviour {
            public Prints {
                lines = List.copyOf(lines);
            }
        }

        /** Runs until stopped, with a health check that passes. */
        record Healthy() implements Behaviour {}

        /** One line of {@link Prints}. */
        record Line(boolean stderr, String message) {}
    }

    protected static final TaskResources SIZE = new TaskResources(256L << 20, 500_000_000L);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private TaskDriver driver;
    private AutoCloseable watch;
    private final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();

    /** A started driver, made once for the class. */
    protected abstract TaskDriver createDriver();

    /** Closes the driver and removes everything it created. */
    protected abstract void destroyDriver(TaskDriver driver);

    /** An image present locally: no pull needed. */
    protected abstract String localImage();

    /** An image no registry has. */
    protected abstract String unpullableImage();

    /** Kills the sandbox behind Gantry's back, as {@code docker kill} does. */
    protected abstract void killOutsideGantry(Sandbox sandbox);

    /** A spec of {@link #localImage()} for {@code name} in {@code task} that behaves as {@code behaviour} says. */
    protected abstract ContainerSpec container(TaskRef task, String name, Behaviour behaviour);

    @BeforeAll
    void startDriver() {
        driver = createDriver();
        watch = driver.watch(events::add);
    }

    @AfterAll
    void stopDriver() throws Exception {
        if (watch != null) {
            watch.close();
        }
        if (driver != null) {
            destroyDriver(driver);
        }
    }

    protected TaskDriver driver() {
        return driver;
    }

    @Test
    void claimingASandboxIsIdempotentAndGivesItAnAddressOnTheNetwork() {
        TaskRef task = task();
        Sandbox first = driver.claimSandbox(task, SIZE);
        assertThat(first.ipv4Address()).isNotBlank();
        assertThat(first.macAddress()).isNotBlank();
        assertThat(first.networkName()).isNotBlank();
        assertThat(first.gatewayAddress()).isNotBlank();
        assertThat(inSubnet(first.ipv4Address(), first.subnetCidr()))
                .as("%s in %s", first.ipv4Address(), first.subnetCidr())
                .isTrue();
        assertThat(driver.claimSandbox(task, SIZE)).isEqualTo(first);
        assertThat(driver.findSandbox(task.taskId())).contains(first);

        TaskRef otherTask = task();
        Sandbox other = driver.claimSandbox(otherTask, SIZE);
        assertThat(other.ipv4Address()).isNotEqualTo(first.ipv4Address());
        assertThat(other.runtimeId()).isNotEqualTo(first.runtimeId());
        driver.removeSandbox(task.taskId());
        driver.removeSandbox(otherTask.taskId());
    }

    @Test
    void concurrentClaimsOfOneTaskGetOneSandbox() throws Exception {
        TaskRef task = task();
        List<Future<Sandbox>> claims = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                claims.add(threads.submit(() -> driver.claimSandbox(task, SIZE)));
            }
        }
        Sandbox first = claims.getFirst().get();
        for (Future<Sandbox> claim : claims) {
            assertThat(claim.get()).isEqualTo(first);
        }
        assertThat(driver.listOwned())
                .filteredOn(
                        o -> o.kind() == OwnedObject.Kind.SANDBOX && o.taskId().equals(Optional.of(task.taskId())))
                .hasSize(1);
        driver.removeSandbox(task.taskId());
    }

    @Test
    void removingASandboxIsIdempotentAndThenItIsNotFound() {
        TaskRef task = task();
        driver.claimSandbox(task, SIZE);
        driver.removeSandbox(task.taskId());
        assertThat(driver.findSandbox(task.taskId())).isEmpty();
        driver.removeSandbox(task.taskId());
        assertThat(driver.findSandbox(task.taskId())).isEmpty();
        assertThat(driver.listOwned()).noneMatch(o -> o.taskId().equals(Optional.of(task.taskId())));
    }

    @Test
    void aSandboxKilledOutsideGantryHasNoAddressUntilClaimedAgain() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        killOutsideGantry(sandbox);
        await(
                "SandboxExited of the killed sandbox",
                () -> events.stream()
                        .anyMatch(e -> e.equals(new RuntimeEvent.SandboxExited(task.taskId(), sandbox.runtimeId()))));
        await(
                "sandbox without an address",
                () -> driver.findSandbox(task.taskId())
                        .filter(sb -> sb.ipv4Address().isBlank())
                        .isPresent());
        await(
                "sandbox listed as stopped",
                () -> driver.listOwned().stream()
                        .anyMatch(o -> o.runtimeId().equals(sandbox.runtimeId()) && !o.running()));

        Sandbox again = driver.claimSandbox(task, SIZE);
        assertThat(again.runtimeId()).isEqualTo(sandbox.runtimeId());
        assertThat(again.ipv4Address()).isNotBlank();
        assertThat(driver.findSandbox(task.taskId())).contains(again);
        driver.removeSandbox(task.taskId());
    }

    @Test
    void aLocalImageNeedsNoPullAndAnUnknownOneFailsToPull() {
        List<String> progress = new CopyOnWriteArrayList<>();
        String id = driver.ensureImage(localImage(), (image, status) -> progress.add(status));
        assertThat(id).startsWith("sha256:");
        assertThat(progress).isEmpty();
        assertThat(driver.ensureImage(localImage(), PullProgress.NONE)).isEqualTo(id);

        assertThatThrownBy(() -> driver.ensureImage(unpullableImage(), PullProgress.NONE))
                .isInstanceOfSatisfying(RuntimeError.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuntimeError.Kind.CANNOT_PULL_CONTAINER);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void aRunningContainerHasStatsAndACreatedOrGoneOneHasNone() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(sandbox, container(task, "measured", new Behaviour.RunsUntilStopped()));
        assertThat(driver.stats(id)).as("not started").isEmpty();
        driver.startContainer(id);
        await("measured running", () -> driver.inspect(id, "measured").state() == ContainerObservation.State.RUNNING);
        ContainerStats stats =
                driver.stats(id).orElseThrow(() -> new AssertionError("no stats for a running container"));
        assertThat(stats.runtimeId()).isEqualTo(id);
        assertThat(stats.memoryUsageBytes()).isPositive();
        assertThat(stats.engineJson()).contains("\"memory_stats\"").contains("\"cpu_stats\"");
        cleanUp(task, id);
        assertThat(driver.stats(id)).as("removed").isEmpty();
    }

    @Test
    void creatingIsIdempotentByNameAndLeavesTheContainerCreated() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(sandbox, container(task, "web", new Behaviour.RunsUntilStopped()));
        assertThat(driver.createContainer(sandbox, container(task, "web", new Behaviour.ExitsWith(1))))
                .isEqualTo(id);
        assertThat(driver.listOwned())
                .filteredOn(o -> o.containerName().equals(Optional.of("web"))
                        && o.taskId().equals(Optional.of(task.taskId())))
                .singleElement()
                .satisfies(o -> assertThat(o.running()).isFalse());

        ContainerObservation o = driver.inspect(id, "web");
        assertThat(o.runtimeId()).isEqualTo(id);
        assertThat(o.containerName()).isEqualTo("web");
        assertThat(o.state()).isEqualTo(ContainerObservation.State.CREATED);
        assertThat(o.exitCode()).isEmpty();
        assertThat(o.startedAt()).isEmpty();
        assertThat(o.finishedAt()).isEmpty();
        cleanUp(task, id);
    }

    @Test
    void creatingFromAnImageThatIsNotLocalFails() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        ContainerSpec s = container(task, "app", new Behaviour.RunsUntilStopped());
        ContainerSpec absent = new ContainerSpec(
                s.task(),
                s.name(),
                "gantry-test/never-pulled:" + random(),
                s.entryPoint(),
                s.command(),
                s.environment(),
                s.workingDirectory(),
                s.user(),
                s.memoryBytes(),
                s.memoryReservationBytes(),
                s.nanoCpus(),
                s.cpuShares(),
                s.ulimits(),
                s.readonlyRootFilesystem(),
                s.healthCheck(),
                s.labels(),
                s.tty(),
                s.openStdin(),
                s.stopTimeout());
        assertThatThrownBy(() -> driver.createContainer(sandbox, absent))
                .isInstanceOfSatisfying(RuntimeError.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuntimeError.Kind.CANNOT_CREATE_CONTAINER);
                    assertThat(e.retryable()).isFalse();
                });
        driver.removeSandbox(task.taskId());
    }

    @Test
    void anExitIsObservedThroughAnEventAndInspectWithItsCode() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String imageId = driver.ensureImage(localImage(), PullProgress.NONE);
        String id = driver.createContainer(sandbox, container(task, "main", new Behaviour.ExitsWith(3)));
        driver.startContainer(id);

        RuntimeEvent exited = awaitEvent(task, "main", RuntimeEvent.ContainerExited.class);
        assertThat(exited.runtimeId()).isEqualTo(id);
        ContainerObservation o = driver.inspect(id, "main");
        assertThat(o.state()).isEqualTo(ContainerObservation.State.EXITED);
        assertThat(o.exitCode()).contains(3);
        assertThat(o.oomKilled()).isFalse();
        assertThat(o.health()).isEqualTo(Health.NONE);
        assertThat(o.imageDigest()).contains(imageId);
        assertThat(o.startedAt()).isPresent();
        assertThat(o.finishedAt()).isPresent(); // Docker may record a quick exit as finished before started
        assertThat(driver.listOwned())
                .filteredOn(x -> x.runtimeId().equals(id))
                .singleElement()
                .satisfies(x -> assertThat(x.running()).isFalse());
        cleanUp(task, id);
    }

    @Test
    void startingIsIdempotentAndStoppingEndsTheProcessWithItsSignalsCode() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(sandbox, container(task, "svc", new Behaviour.RunsUntilStopped()));
        driver.startContainer(id);
        driver.startContainer(id);
        await("svc running", () -> driver.inspect(id, "svc").state() == ContainerObservation.State.RUNNING);
        assertThat(driver.inspect(id, "svc").exitCode()).isEmpty();
        assertThat(driver.listOwned())
                .filteredOn(x -> x.runtimeId().equals(id))
                .singleElement()
                .satisfies(x -> assertThat(x.running()).isTrue());

        driver.stopContainer(id, Duration.ofSeconds(10));
        ContainerObservation o = driver.inspect(id, "svc");
        assertThat(o.state()).as("stopped when stopContainer returns").isEqualTo(ContainerObservation.State.EXITED);
        assertThat(o.exitCode()).contains(143);
        assertThat(awaitEvent(task, "svc", RuntimeEvent.ContainerExited.class).runtimeId())
                .isEqualTo(id);
        driver.stopContainer(id, STOP_TIMEOUT); // already stopped: a no-op
        cleanUp(task, id);
        driver.stopContainer(id, STOP_TIMEOUT); // gone: a no-op
    }

    @Test
    void stoppingAProcessThatIgnoresSigtermKillsIt() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(sandbox, container(task, "stubborn", new Behaviour.IgnoresSigterm()));
        driver.startContainer(id);
        await("stubborn running", () -> driver.inspect(id, "stubborn").state() == ContainerObservation.State.RUNNING);
        driver.stopContainer(id, STOP_TIMEOUT);
        ContainerObservation o = driver.inspect(id, "stubborn");
        assertThat(o.state()).isEqualTo(ContainerObservation.State.EXITED);
        assertThat(o.exitCode()).contains(137);
        cleanUp(task, id);
    }

    @Test
    void removingIsIdempotentKillsARunningContainerAndLeavesItMissing() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(sandbox, container(task, "doomed", new Behaviour.RunsUntilStopped()));
        driver.startContainer(id);
        await("doomed running", () -> driver.inspect(id, "doomed").state() == ContainerObservation.State.RUNNING);

        driver.removeContainer(id);
        assertThat(awaitEvent(task, "doomed", RuntimeEvent.ContainerExited.class)
                        .runtimeId())
                .isEqualTo(id);
        assertThat(driver.inspect(id, "doomed")).isEqualTo(ContainerObservation.missing(id, "doomed"));
        driver.removeContainer(id);
        List<LogLine> lines = new ArrayList<>();
        driver.followLogs(id, Optional.empty(), lines::add); // gone: returns quietly
        assertThat(lines).isEmpty();
        assertThat(driver.listOwned()).noneMatch(o -> o.runtimeId().equals(id));

        String again = driver.createContainer(sandbox, container(task, "doomed", new Behaviour.ExitsWith(0)));
        assertThat(again).as("a removed name can be used again").isNotEqualTo(id);
        cleanUp(task, again);
    }

    @Test
    void startingAContainerThatDoesNotExistOrWhoseSandboxIsGoneFails() {
        assertThatThrownBy(() -> driver.startContainer("0123456789ab" + random()))
                .isInstanceOfSatisfying(
                        RuntimeError.class,
                        e -> assertThat(e.kind()).isEqualTo(RuntimeError.Kind.CANNOT_START_CONTAINER));

        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(sandbox, container(task, "orphan", new Behaviour.RunsUntilStopped()));
        driver.removeSandbox(task.taskId());
        assertThatThrownBy(() -> driver.startContainer(id))
                .isInstanceOfSatisfying(
                        RuntimeError.class,
                        e -> assertThat(e.kind()).isEqualTo(RuntimeError.Kind.CANNOT_START_CONTAINER));
        assertThat(driver.inspect(id, "orphan").state()).isEqualTo(ContainerObservation.State.CREATED);
        driver.removeContainer(id);
    }

    @Test
    void listOwnedNamesEachObjectsTaskAndPutsContainersBeforeSandboxes() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String web = driver.createContainer(sandbox, container(task, "web", new Behaviour.RunsUntilStopped()));
        String init = driver.createContainer(sandbox, container(task, "init", new Behaviour.ExitsWith(0)));
        driver.startContainer(web);
        driver.startContainer(init);
        awaitEvent(task, "init", RuntimeEvent.ContainerExited.class);
        await("web running", () -> driver.inspect(web, "web").state() == ContainerObservation.State.RUNNING);
        // Docker's list may show a container running briefly after its exit event (inspect never does)
        await(
                "init listed as stopped",
                () -> driver.listOwned().stream().anyMatch(o -> o.runtimeId().equals(init) && !o.running()));

        List<OwnedObject> owned = driver.listOwned();
        assertThat(owned)
                .extracting(OwnedObject::kind)
                .isSortedAccordingTo(Comparator.comparing(k -> k == OwnedObject.Kind.SANDBOX));
        assertThat(owned)
                .contains(
                        new OwnedObject(
                                sandbox.runtimeId(),
                                OwnedObject.Kind.SANDBOX,
                                Optional.of(task.taskId()),
                                Optional.empty(),
                                true),
                        new OwnedObject(
                                web, OwnedObject.Kind.CONTAINER, Optional.of(task.taskId()), Optional.of("web"), true),
                        new OwnedObject(
                                init,
                                OwnedObject.Kind.CONTAINER,
                                Optional.of(task.taskId()),
                                Optional.of("init"),
                                false));
        cleanUp(task, web, init);
        assertThat(driver.listOwned()).noneMatch(o -> o.taskId().equals(Optional.of(task.taskId())));
    }

    @Test
    void logsCarryTheStreamAndATimestampAndResumeAfterOne() {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(
                sandbox,
                container(
                        task,
                        "talker",
                        new Behaviour.Prints(List.of(
                                new Behaviour.Line(false, "out1"),
                                new Behaviour.Line(true, "err1"),
                                new Behaviour.Line(false, "out2")))));
        List<LogLine> beforeStart = new ArrayList<>();
        driver.followLogs(id, Optional.empty(), beforeStart::add); // not started: returns at once
        assertThat(beforeStart).isEmpty();
        driver.startContainer(id);

        List<LogLine> lines = new ArrayList<>();
        driver.followLogs(id, Optional.empty(), lines::add); // returns once it has exited and all is delivered
        assertThat(lines)
                .filteredOn(l -> !l.stderr())
                .extracting(LogLine::message)
                .containsExactly("out1", "out2");
        assertThat(lines)
                .filteredOn(LogLine::stderr)
                .extracting(LogLine::message)
                .containsExactly("err1");
        assertThat(lines)
                .allSatisfy(l -> assertThat(l.timestamp().getEpochSecond()).isPositive());

        LogLine out1 = lines.stream()
                .filter(l -> l.message().equals("out1"))
                .findFirst()
                .orElseThrow();
        List<LogLine> resumed = new ArrayList<>();
        driver.followLogs(id, Optional.of(out1.timestamp()), resumed::add);
        assertThat(resumed).extracting(LogLine::message).doesNotContain("out1").contains("out2");
        cleanUp(task, id);
    }

    @Test
    void followingARunningContainerReturnsWhenItStops() throws Exception {
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String id = driver.createContainer(sandbox, container(task, "quiet", new Behaviour.RunsUntilStopped()));
        driver.startContainer(id);
        await("quiet running", () -> driver.inspect(id, "quiet").state() == ContainerObservation.State.RUNNING);
        Thread follower = Thread.ofVirtual().start(() -> driver.followLogs(id, Optional.empty(), l -> {}));
        driver.stopContainer(id, STOP_TIMEOUT);
        follower.join(PATIENCE);
        assertThat(follower.isAlive())
                .as("the follower returned once the container stopped")
                .isFalse();
        cleanUp(task, id);
    }

    @Test
    void aPassingHealthCheckIsReportedHealthyAndAContainerWithoutOneHasNoHealth() {
        Assumptions.assumeTrue(
                driver.capabilities().contains(Capability.HEALTH_CHECKS), "the driver does not run health checks");
        TaskRef task = task();
        Sandbox sandbox = driver.claimSandbox(task, SIZE);
        String checked = driver.createContainer(sandbox, container(task, "checked", new Behaviour.Healthy()));
        String plain = driver.createContainer(sandbox, container(task, "plain", new Behaviour.RunsUntilStopped()));
        driver.startContainer(checked);
        driver.startContainer(plain);

        RuntimeEvent e = awaitEvent(task, "checked", RuntimeEvent.HealthChanged.class);
        assertThat(e.runtimeId()).isEqualTo(checked);
        assertThat(((RuntimeEvent.HealthChanged) e).health()).isEqualTo(Health.HEALTHY);
        assertThat(driver.inspect(checked, "checked").health()).isEqualTo(Health.HEALTHY);
        assertThat(driver.inspect(plain, "plain").health()).isEqualTo(Health.NONE);
        assertThat(events)
                .noneMatch(x ->
                        x instanceof RuntimeEvent.HealthChanged && x.runtimeId().equals(plain));
        cleanUp(task, checked, plain);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    protected static TaskRef task() {
        String id = random() + random();
        return new TaskRef(id, "arn:aws:ecs:us-east-1:000000000000:task/contract/" + id, "contract", "contract", 1);
    }

    /** A spec with no limits of its own and this command; subclasses adjust it. */
    protected static ContainerSpec spec(TaskRef task, String name, String image, List<String> command) {
        return new ContainerSpec(
                task,
                name,
                image,
                List.of(),
                command,
                Map.of("GANTRY_CONTRACT", "1"),
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0,
                0,
                List.of(),
                false,
                Optional.empty(),
                Map.of("contract", "true"),
                false,
                false,
                STOP_TIMEOUT);
    }

    protected static String random() {
        byte[] b = new byte[5];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private RuntimeEvent awaitEvent(TaskRef task, String container, Class<? extends RuntimeEvent> type) {
        await(
                type.getSimpleName() + " of " + container,
                () -> event(task, container, type).isPresent());
        return event(task, container, type).orElseThrow();
    }

    private Optional<RuntimeEvent> event(TaskRef task, String container, Class<? extends RuntimeEvent> type) {
        return events.stream()
                .filter(e -> type.isInstance(e)
                        && e.taskId().equals(task.taskId())
                        && containerOf(e).equals(Optional.of(container)))
                .findFirst();
    }

    private static Optional<String> containerOf(RuntimeEvent e) {
        if (e instanceof RuntimeEvent.ContainerExited x) {
            return Optional.of(x.containerName());
        }
        if (e instanceof RuntimeEvent.HealthChanged x) {
            return Optional.of(x.containerName());
        }
        return Optional.empty();
    }

    /** Polls until true; the limit only guards against a hang. */
    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    private void cleanUp(TaskRef task, String... containers) {
        for (String c : containers) {
            driver.removeContainer(c);
        }
        driver.removeSandbox(task.taskId());
    }

    static boolean inSubnet(String address, String cidr) {
        String[] parts = cidr.split("/");
        int prefix = Integer.parseInt(parts[1]);
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static int ipv4(String dotted) {
        int ip = 0;
        for (String part : dotted.split("\\.")) {
            ip = (ip << 8) | Integer.parseInt(part);
        }
        return ip;
    }
}
