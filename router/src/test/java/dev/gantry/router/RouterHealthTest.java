package dev.gantry.router;

import static dev.gantry.router.Tables.group;
import static dev.gantry.router.Tables.http;
import static dev.gantry.router.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.health.HealthReason;
import dev.gantry.router.health.TargetHealth;
import dev.gantry.router.health.TargetState;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.HealthCheck;
import dev.gantry.router.table.Matcher;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetProtocol;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Health checks, fail-open and draining through real sockets. */
class RouterHealthTest {

    @Test
    void healthTransitionsFollowTheChecksWithElbReasonsAndAreAnnounced() throws Exception {
        try (TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture()) {
            List<TargetHealth> seen = new CopyOnWriteArrayList<>();
            AutoCloseable watch = f.router.onHealthChange(seen::add);
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));

            f.awaitState("g", b.target(), TargetState.HEALTHY);
            b.healthStatus.set(503);
            f.awaitState("g", b.target(), TargetState.UNHEALTHY);
            TargetHealth unhealthy = f.health("g", b.target());
            assertThat(unhealthy.reason()).hasValue(HealthReason.RESPONSE_CODE_MISMATCH);
            assertThat(unhealthy.description()).hasValue("Health checks failed with these codes: [503]");
            b.healthStatus.set(204);
            f.awaitState("g", b.target(), TargetState.HEALTHY);

            RouterFixture.await(() -> seen.size() >= 5, "five announced transitions");
            assertThat(seen.stream()
                            .map(h -> h.state() + "/"
                                    + h.reason().map(HealthReason::code).orElse("")))
                    .containsExactly(
                            "INITIAL/Elb.RegistrationInProgress",
                            "INITIAL/Elb.InitialHealthChecking",
                            "HEALTHY/",
                            "UNHEALTHY/Target.ResponseCodeMismatch",
                            "HEALTHY/");
            watch.close();
        }
    }

    @Test
    void reapplyingAnEqualTableKeepsHealthAndSockets() throws Exception {
        try (TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));
            f.awaitState("g", b.target(), TargetState.HEALTHY);
            var address = f.router.listenerAddress("l").orElseThrow();
            List<TargetHealth> seen = new CopyOnWriteArrayList<>();
            f.router.onHealthChange(seen::add);

            for (int i = 0; i < 5; i++) { // the control plane re-applies its whole view after any change
                f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));
                assertThat(f.health("g", b.target()).state()).isEqualTo(TargetState.HEALTHY);
            }

            assertThat(f.router.listenerAddress("l")).hasValue(address);
            assertThat(f.get("l", "/").body()).isEqualTo("b");
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void onlyHealthyTargetsGetTrafficAndAllDoWhenNoneIs() throws IOException {
        try (TestBackend good = new TestBackend("good");
                TestBackend bad = new TestBackend("bad");
                RouterFixture f = new RouterFixture()) {
            bad.healthStatus.set(500);
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", good.target(), bad.target())));
            f.awaitState("g", good.target(), TargetState.HEALTHY);
            f.awaitState("g", bad.target(), TargetState.UNHEALTHY);

            Set<String> answered = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                answered.add(f.get("l", "/").body());
            }
            assertThat(answered).containsExactly("good");

            good.healthStatus.set(500);
            f.awaitState("g", good.target(), TargetState.UNHEALTHY);
            answered.clear();
            for (int i = 0; i < 20; i++) {
                answered.add(f.get("l", "/").body());
            }
            assertThat(answered).as("ALB fails open").containsExactlyInAnyOrder("good", "bad");
        }
    }

    @Test
    void aHealthCheckPortOtherThanTheTrafficPortIsTheOneChecked() throws IOException {
        try (TestBackend traffic = new TestBackend("traffic");
                TestBackend checks = new TestBackend("checks");
                RouterFixture f = new RouterFixture()) {
            checks.healthStatus.set(418);
            HealthCheck onOtherPort = new HealthCheck(
                    TargetProtocol.HTTP,
                    "/health",
                    OptionalInt.of(checks.target().port()),
                    Tables.FAST_CHECK.interval(),
                    Tables.FAST_CHECK.timeout(),
                    2,
                    2,
                    Matcher.parse("200"));
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("g")),
                    group("g", traffic.target()).withHealthCheck(onOtherPort)));

            f.awaitState("g", traffic.target(), TargetState.UNHEALTHY);
            assertThat(f.health("g", traffic.target()).description())
                    .hasValue("Health checks failed with these codes: [418]");
            checks.healthStatus.set(200);
            f.awaitState("g", traffic.target(), TargetState.HEALTHY);
            assertThat(f.get("l", "/").body()).isEqualTo("traffic");
        }
    }

    @Test
    void aTargetGroupOnNoListenerIsUnusedAndAnUnknownTargetNotRegistered() throws IOException {
        try (TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture()) {
            f.apply(new RoutingTable(List.of(), List.of(group("g", b.target()))));

            TargetHealth h = f.health("g", b.target());
            assertThat(h.state()).isEqualTo(TargetState.UNUSED);
            assertThat(h.reason()).hasValue(HealthReason.NOT_IN_USE);
            TargetHealth unknown = f.health("g", new Target("10.9.9.9", 80));
            assertThat(unknown.reason()).hasValue(HealthReason.NOT_REGISTERED);

            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));
            f.awaitState("g", b.target(), TargetState.HEALTHY);
        }
    }

    @Test
    void aDeregisteredTargetFinishesInFlightRequestsTakesNoNewOnesDrainsThenDisappears() throws Exception {
        try (TestBackend old = new TestBackend("old");
                TestBackend next = new TestBackend("next");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", old.target())));
            f.awaitState("g", old.target(), TargetState.HEALTHY);
            List<TargetHealth> seen = new CopyOnWriteArrayList<>();
            f.router.onHealthChange(seen::add);
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> f.get("l", "/slow"));
            RouterFixture.await(() -> old.slowStarted.getCount() == 0, "a slow request in flight on old");

            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", next.target())));

            TargetHealth draining = f.health("g", old.target());
            assertThat(draining.state()).isEqualTo(TargetState.DRAINING);
            assertThat(draining.reason()).hasValue(HealthReason.DEREGISTRATION_IN_PROGRESS);
            int oldBefore = old.requests.get();
            for (int i = 0; i < 10; i++) {
                assertThat(f.get("l", "/").body()).isEqualTo("next");
            }
            assertThat(old.requests.get()).isEqualTo(oldBefore);

            old.releaseSlow();
            HttpResponse<String> finished = inFlight.get();
            assertThat(finished.statusCode()).isEqualTo(200);
            assertThat(finished.body()).isEqualTo("old slow");
            RouterFixture.await(
                    () -> f.router.targetHealth().stream()
                            .noneMatch(h -> h.target().equals(old.target())),
                    "old to be gone after the deregistration delay");
            assertThat(f.health("g", old.target()).reason()).hasValue(HealthReason.NOT_REGISTERED);
            RouterFixture.await(
                    () -> seen.stream()
                            .anyMatch(h -> h.target().equals(old.target())
                                    && h.reason().equals(Optional.of(HealthReason.NOT_REGISTERED))),
                    "the end of draining to be announced");
            assertThat(seen.stream()
                            .filter(h -> h.target().equals(old.target()))
                            .map(TargetHealth::state))
                    .containsExactly(TargetState.DRAINING, TargetState.UNUSED);
        }
    }

    @Test
    void aTargetInSlowStartGetsARampedShareWhileTheOthersCarryTheLoad() throws IOException {
        try (TestBackend old = new TestBackend("old");
                TestBackend fresh = new TestBackend("fresh");
                RouterFixture f = new RouterFixture()) {
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("g")),
                    group("g", old.target()).withSlowStart(Duration.ofMinutes(10))));
            f.awaitState("g", old.target(), TargetState.HEALTHY);
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("g")),
                    group("g", old.target(), fresh.target()).withSlowStart(Duration.ofMinutes(10))));
            f.awaitState("g", fresh.target(), TargetState.HEALTHY);

            int toFresh = 0;
            for (int i = 0; i < 200; i++) {
                toFresh += f.get("l", "/").body().equals("fresh") ? 1 : 0;
            }
            // round-robin would give it 100; at the start of a 10-minute ramp its share is about 1%
            assertThat(toFresh).isLessThan(20);
        }
    }

    @Test
    void aGroupWithNoTargetAsksTheWaiterAndForwardsOnceATargetAppears() throws IOException {
        CompletableFuture<Boolean> woken = new CompletableFuture<>();
        List<String> asked = new CopyOnWriteArrayList<>();
        try (TestBackend b = new TestBackend("b");
                RouterFixture f = new RouterFixture(
                        RouterOptions.defaults().withIoThreads(1).withWaiter(group -> {
                            asked.add(group);
                            return woken;
                        }))) {
            RoutingTable empty = table(http("l", List.of(), Action.Forward.to("g")), group("g"));
            f.apply(empty);
            CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> f.get("l", "/"));
            RouterFixture.await(() -> !asked.isEmpty(), "the waiter to be asked");
            assertThat(held).isNotDone();

            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g", b.target())));
            woken.complete(true);

            assertThat(held.join().body()).isEqualTo("b");
            assertThat(asked).containsExactly("g");
        }
    }

    @Test
    void withAWaiterATargetStillInItsInitialChecksGetsNoRequestUntilTheWaiterSaysSo() throws IOException {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        List<String> asked = new CopyOnWriteArrayList<>();
        try (TestBackend starting = new TestBackend("starting");
                RouterFixture f = new RouterFixture(
                        RouterOptions.defaults().withIoThreads(1).withWaiter(group -> {
                            asked.add(group);
                            return ready;
                        }))) {
            // one check passes at once, the next in 100 s: the target stays initial (Elb.InitialHealthChecking)
            HealthCheck slow = Tables.FAST_CHECK.withTiming(Duration.ofSeconds(100), Duration.ofSeconds(5), 5, 2);
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("g")),
                    group("g", starting.target()).withHealthCheck(slow)));
            f.awaitState("g", starting.target(), TargetState.INITIAL);

            CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> f.get("l", "/"));
            RouterFixture.await(() -> !asked.isEmpty(), "the waiter to be asked, not the starting target");
            assertThat(starting.requests.get()).isZero();
            assertThat(held).isNotDone();

            ready.complete(true);
            assertThat(held.join().body()).isEqualTo("starting");
            assertThat(asked).containsExactly("g");
        }
    }

    @Test
    void aClientThatLeavesWhileTheWaiterWaitsHasItsRequestDropped() throws Exception {
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        List<String> asked = new CopyOnWriteArrayList<>();
        try (ScriptedBackend backend = ScriptedBackend.echo();
                RouterFixture f = new RouterFixture(
                        RouterOptions.defaults().withIoThreads(1).withWaiter(group -> {
                            asked.add(group);
                            return ready;
                        }))) {
            f.apply(table(http("l", List.of(), Action.Forward.to("g")), group("g")));
            int port = f.router.listenerAddress("l").orElseThrow().getPort();
            try (Socket gone = new Socket("127.0.0.1", port)) {
                gone.getOutputStream()
                        .write("GET /gone HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                RouterFixture.await(() -> !asked.isEmpty(), "the waiter to be asked");
                gone.setSoLinger(true, 0); // reset: the router sees it even while not reading
            }
            Thread.sleep(500); // let the router notice the reset (epoll reports it while not reading); not an assertion
            f.apply(table(
                    http("l", List.of(), Action.Forward.to("g")),
                    group("g", backend.target()).withHealthCheck(Tables.TCP_CHECK)));
            ready.complete(true);

            assertThat(f.get("l", "/marker").statusCode()).isEqualTo(200);
            assertThat(backend.paths())
                    .as("only the request of a client still there")
                    .containsExactly("/marker");
        }
    }
}
