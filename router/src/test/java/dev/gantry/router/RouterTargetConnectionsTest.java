package dev.gantry.router;

import static dev.gantry.router.Tables.group;
import static dev.gantry.router.Tables.http;
import static dev.gantry.router.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.health.HealthReason;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.Condition;
import dev.gantry.router.table.Rule;
import dev.gantry.router.table.TargetGroup;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * When a target connection is kept, reused, retried or closed, seen from a raw-socket target that records which
 * connection each request came on.
 */
class RouterTargetConnectionsTest {

    private static int start(RouterFixture f, ScriptedBackend backend) {
        f.apply(table(
                http("l", List.of(), Action.Forward.to("g")),
                group("g", backend.target()).withHealthCheck(Tables.TCP_CHECK)));
        return f.router.listenerAddress("l").orElseThrow().getPort();
    }

    private static int connectionOf(ScriptedBackend backend, String path) {
        return backend.seen.stream()
                .filter(s -> s.path().equals(path))
                .findFirst()
                .orElseThrow()
                .connection();
    }

    @Test
    void aTargetsConnectionCloseOrHttp10AnswerIsNotReused() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(s -> Optional.of(
                        switch (s.path()) {
                            case "/close" -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
                            case "/old" -> "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok";
                            default -> ScriptedBackend.ok(s.path());
                        }));
                RouterFixture f = new RouterFixture(RouterOptions.defaults().withIoThreads(1))) {
            backend.lingerAfterClose = true; // the target said close but has not closed yet: the router must not reuse
            start(f, backend);

            assertThat(f.get("l", "/close").statusCode()).isEqualTo(200);
            assertThat(f.get("l", "/after-close").statusCode()).isEqualTo(200);
            assertThat(f.get("l", "/old").statusCode()).isEqualTo(200);
            assertThat(f.get("l", "/after-old").statusCode()).isEqualTo(200);

            assertThat(connectionOf(backend, "/after-close")).isNotEqualTo(connectionOf(backend, "/close"));
            assertThat(connectionOf(backend, "/after-old")).isNotEqualTo(connectionOf(backend, "/old"));
        }
    }

    @Test
    void aClientsConnectionCloseKeepsAGoodTargetConnection() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.echo();
                RouterFixture f = new RouterFixture(RouterOptions.defaults().withIoThreads(1))) {
            int port = start(f, backend);

            assertThat(RawHttp.exchange(port, "GET /one HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
            assertThat(RawHttp.exchange(port, "GET /two HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");

            assertThat(connectionOf(backend, "/two"))
                    .as("the target connection outlives the client's")
                    .isEqualTo(connectionOf(backend, "/one"));
        }
    }

    @Test
    void aPostIsNotSentAgainWhenAReusedConnectionClosesButAnIdempotencyKeyAllowsIt() throws Exception {
        AtomicBoolean hungUpOnPay = new AtomicBoolean();
        AtomicBoolean hungUpOnKeyed = new AtomicBoolean();
        try (ScriptedBackend backend = new ScriptedBackend(s -> {
                    if (s.path().equals("/pay") && hungUpOnPay.compareAndSet(false, true)) {
                        return Optional.empty(); // it may have charged the card before hanging up
                    }
                    if (s.path().equals("/keyed") && hungUpOnKeyed.compareAndSet(false, true)) {
                        return Optional.empty();
                    }
                    return Optional.of(ScriptedBackend.ok(s.path()));
                });
                RouterFixture f = new RouterFixture(RouterOptions.defaults().withIoThreads(1))) {
            start(f, backend);

            assertThat(f.get("l", "/warm").statusCode()).isEqualTo(200);
            HttpResponse<String> pay = f.send(HttpRequest.newBuilder(f.uri("l", "/pay"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(pay.statusCode()).isEqualTo(502);
            assertThat(backend.paths()).as("a POST is never sent twice").containsOnlyOnce("/pay");

            assertThat(f.get("l", "/warm-again").statusCode()).isEqualTo(200);
            HttpResponse<String> keyed = f.send(HttpRequest.newBuilder(f.uri("l", "/keyed"))
                    .header("Idempotency-Key", "k-1")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(keyed.statusCode()).isEqualTo(200);
            assertThat(backend.paths().stream().filter("/keyed"::equals)).hasSize(2);
            assertThat(connectionOf(backend, "/keyed")).isEqualTo(connectionOf(backend, "/warm-again"));
        }
    }

    @Test
    void aRetryAfterTheTargetStartedDrainingGoesToAnotherTarget() throws Exception {
        try (ScriptedBackend other = ScriptedBackend.echo();
                RouterFixture f = new RouterFixture(RouterOptions.defaults().withIoThreads(1))) {
            AtomicBoolean hungUp = new AtomicBoolean();
            try (ScriptedBackend leaving = new ScriptedBackend(s -> {
                if (s.path().equals("/x") && hungUp.compareAndSet(false, true)) {
                    // deregistered while the request is on its way, then the kept-alive connection closes
                    f.apply(table(
                            http("l", List.of(), Action.Forward.to("g")),
                            group("g", other.target()).withHealthCheck(Tables.TCP_CHECK)));
                    return Optional.empty();
                }
                return Optional.of(ScriptedBackend.ok("leaving " + s.path()));
            })) {
                start(f, leaving);
                assertThat(f.get("l", "/warm").body()).isEqualTo("leaving /warm");

                HttpResponse<String> x = f.get("l", "/x");

                assertThat(x.statusCode()).isEqualTo(200);
                assertThat(x.body()).endsWith(" /x").doesNotStartWith("leaving");
                assertThat(leaving.paths()).containsOnlyOnce("/x");
            }
        }
    }

    @Test
    void aPooledConnectionUnusedForThePoolIdleTimeoutIsClosedAndNotReused() throws Exception {
        try (ScriptedBackend backend = ScriptedBackend.echo();
                RouterFixture f = new RouterFixture(RouterOptions.defaults()
                        .withIoThreads(1)
                        .withTargetTimeout(Duration.ofSeconds(60))
                        .withPoolIdleTimeout(Duration.ofMillis(300)))) {
            start(f, backend);

            assertThat(f.get("l", "/one").statusCode()).isEqualTo(200);
            int first = connectionOf(backend, "/one");
            RouterFixture.await(
                    () -> backend.closedByRouter.contains(first),
                    "the router to close the idle target connection (well before the 60 s target timeout)");
            assertThat(f.get("l", "/two").statusCode()).isEqualTo(200);

            assertThat(connectionOf(backend, "/two")).isNotEqualTo(first);
        }
    }

    @Test
    void theSameTargetInTwoGroupsKeepsItsConnectionsApartSoOneGroupsDrainSparesTheOther() throws Exception {
        CountDownLatch slowSeen = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedBackend backend = new ScriptedBackend(s -> {
                    if (s.path().equals("/b/slow")) {
                        slowSeen.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Optional.of(ScriptedBackend.ok(s.path()));
                });
                RouterFixture f = new RouterFixture(RouterOptions.defaults().withIoThreads(1))) {
            Rule toA = new Rule(1, List.of(new Condition.PathPattern(List.of("/a/*"))), Action.Forward.to("a"));
            TargetGroup a = group("a", backend.target()).withHealthCheck(Tables.TCP_CHECK);
            TargetGroup b = group("b", backend.target()).withHealthCheck(Tables.TCP_CHECK);
            f.apply(new dev.gantry.router.table.RoutingTable(
                    List.of(http("l", List.of(toA), Action.Forward.to("b"))), List.of(a, b)));

            assertThat(f.get("l", "/a/warm").statusCode()).isEqualTo(200); // group a's connection, now pooled
            CompletableFuture<Integer> inFlight =
                    CompletableFuture.supplyAsync(() -> f.send(HttpRequest.newBuilder(f.uri("l", "/b/slow"))
                                    .POST(HttpRequest.BodyPublishers.ofString("order")) // not retried if cut
                                    .build())
                            .statusCode());
            assertThat(slowSeen.await(20, TimeUnit.SECONDS)).isTrue();

            f.apply(new dev.gantry.router.table.RoutingTable(
                    List.of(http("l", List.of(toA), Action.Forward.to("b"))),
                    List.of(group("a").withHealthCheck(Tables.TCP_CHECK), b)));
            RouterFixture.await(
                    () -> f.health("a", backend.target()).reason().equals(Optional.of(HealthReason.NOT_REGISTERED)),
                    "the target to finish draining from group a (its connections closed)");
            release.countDown();

            assertThat(inFlight.get(20, TimeUnit.SECONDS))
                    .as("group b's request is not cut by group a's drain")
                    .isEqualTo(200);
            assertThat(backend.paths()).containsOnlyOnce("/b/slow");
        }
    }
}
