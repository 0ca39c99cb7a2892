package dev.gantry.control.lb.dataplane;

import static dev.gantry.control.lb.dataplane.Snapshots.ALB;
import static dev.gantry.control.lb.dataplane.Snapshots.L_HTTP;
import static dev.gantry.control.lb.dataplane.Snapshots.TG_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gantry.control.lb.RoutingSnapshot;
import dev.gantry.control.lb.Target;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import dev.gantry.control.reconcile.ManualClock;
import dev.gantry.core.lb.HealthCheck;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The bridge on a real router and real sockets: bind failures surface and heal, health reaches the control plane. */
class RouterDataPlaneTest {

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aPortAnotherProgramHoldsIsRefusedAndImpairsItsLoadBalancerUntilItIsFree() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (RouterDataPlane plane = RouterDataPlane.start(clock)) {
            ServerSocket holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            int port = holder.getLocalPort();
            assertThat(plane.cannotListen(L_HTTP, "127.0.0.1", port))
                    .hasValueSatisfying(
                            why -> assertThat(why).contains("Port " + port, "in use", "Choose another port"));

            plane.apply(Snapshots.web(port));
            assertThat(plane.listenerAddress(L_HTTP)).isEmpty();
            assertThat(plane.impairment(ALB))
                    .hasValueSatisfying(why -> assertThat(why).contains(L_HTTP, "port " + port));
            clock.advance(Duration.ofSeconds(1));
            assertThat(plane.retryUnbound()).isZero(); // tried: still held; the next try is 2 s later

            holder.close();
            clock.advance(Duration.ofSeconds(1));
            assertThat(plane.retryUnbound()).as("not due yet").isZero();
            assertThat(plane.impairment(ALB)).isPresent();
            clock.advance(Duration.ofSeconds(1));
            assertThat(plane.retryUnbound()).isEqualTo(1);
            assertThat(plane.impairment(ALB)).isEmpty();
            assertThat(plane.listenerAddress(L_HTTP))
                    .hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(port));
            // its own port is not "in use" for the listener that holds it
            assertThat(plane.cannotListen(L_HTTP, "127.0.0.1", port)).isEmpty();
        }
    }

    @Test
    void targetsGetCheckedAndTrafficAndTheControlPlaneHearsOfIt() throws Exception {
        HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("hello from " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        int listenerPort;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            listenerPort = free.getLocalPort();
        }
        Target target = new Target("127.0.0.1", backend.getAddress().getPort());
        List<String> changed = new CopyOnWriteArrayList<>();
        try (RouterDataPlane plane = RouterDataPlane.start();
                AutoCloseable sub = plane.onChange(changed::add)) {
            RoutingSnapshot s = Snapshots.web(listenerPort);
            HealthCheck fast = new HealthCheck(
                    true, "HTTP", "traffic-port", Optional.of("/health"), 1, 1, 2, 2, Optional.of("200"));
            plane.apply(new RoutingSnapshot(
                    2,
                    s.loadBalancers(),
                    s.listeners(),
                    List.of(),
                    List.of(Snapshots.group(TG_A, "HTTP", fast, Map.of())),
                    List.of(Snapshots.target(TG_A, target.ip(), target.port()))));
            assertThat(plane.health(TG_A, new Target("127.0.0.1", 1))).isEmpty(); // not a target: no verdict

            await(() -> plane.health(TG_A, target)
                    .filter(h -> h.state() == TargetState.HEALTHY)
                    .isPresent());
            assertThat(plane.health(TG_A, target)).contains(TargetHealth.healthy());
            assertThat(changed).contains(TG_A);

            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listenerPort + "/hi"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hello from /hi");

            backend.stop(0);
            await(() -> plane.health(TG_A, target)
                    .filter(h -> h.state() == TargetState.UNHEALTHY)
                    .isPresent());
            assertThat(plane.health(TG_A, target).orElseThrow().reason()).hasValue("Target.FailedHealthChecks");
        } finally {
            backend.stop(0);
        }
    }
}
