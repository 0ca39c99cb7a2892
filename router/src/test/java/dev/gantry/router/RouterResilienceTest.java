package dev.gantry.router;

import static dev.gantry.router.Tables.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.HealthCheck;
import dev.gantry.router.table.Resilience;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import dev.gantry.router.table.TargetProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Service Connect's behaviour in the router ({@link Resilience}): a failed connect is retried on another target, a
 * target answering 5xx in a row is ejected, a request that takes too long is 504; the group counts it all. Each
 * test also shows the same traffic without Resilience fails, so the behaviour is the Resilience's.
 */
class RouterResilienceTest {
    /** Checked once at start, never judged (thresholds far away): targets stay {@code initial}, picked in turn. */
    private static final HealthCheck NEVER_JUDGED =
            HealthCheck.defaults(TargetProtocol.HTTP).withTiming(Duration.ofHours(1), Duration.ofSeconds(1), 10, 10);

    private static final Resilience RETRIES = new Resilience(3, 0, Duration.ZERO, 0, Duration.ZERO);

    @Test
    void aRefusedConnectIsRetriedOnAnotherTarget() throws IOException {
        try (TestBackend good = new TestBackend("good");
                RouterFixture f = new RouterFixture()) {
            Target dead = new Target("127.0.0.1", closedPort());
            assertThat(statuses(f, group(Resilience.NONE, good.target(), dead), 20))
                    .as("without retries")
                    .contains(502);

            List<Integer> statuses = statuses(f, group(RETRIES, good.target(), dead), 20);

            assertThat(statuses).containsOnly(200);
            RequestMetrics m = f.router.requestMetrics().get(0);
            assertThat(m.connectFailures()).isEqualTo(20); // 10 in each run
            assertThat(m.retries()).isEqualTo(10); // all in the second
            assertThat(m.target5xx()).isEqualTo(10); // the 502s of the run without retries
            assertThat(m.requests()).isEqualTo(40);
        }
    }

    @Test
    void aTargetFailingInARowIsEjected() throws IOException {
        HttpServer bad = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        bad.createContext("/", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        bad.start();
        try (TestBackend good = new TestBackend("good");
                RouterFixture f = new RouterFixture()) {
            Target failing = new Target("127.0.0.1", bad.getAddress().getPort());
            assertThat(statuses(f, group(Resilience.NONE, good.target(), failing), 30))
                    .as("without ejection")
                    .filteredOn(s -> s == 500)
                    .hasSize(15);

            Resilience ejecting = new Resilience(0, 3, Duration.ofMinutes(1), 50, Duration.ZERO);
            List<Integer> statuses = statuses(f, group(ejecting, good.target(), failing), 30);

            assertThat(statuses).filteredOn(s -> s == 500).hasSize(3);
            assertThat(f.router.requestMetrics().get(0).ejections()).isEqualTo(1);
        } finally {
            bad.stop(0);
        }
    }

    @Test
    void aRequestOverItsTimeoutIs504() throws IOException {
        try (TestBackend slow = new TestBackend("slow");
                RouterFixture f = new RouterFixture()) {
            Resilience timeout = new Resilience(0, 0, Duration.ZERO, 0, Duration.ofMillis(300));
            f.apply(table(group(timeout, slow.target())));

            assertThat(f.get("l", "/hang").statusCode()).isEqualTo(504);
            assertThat(f.get("l", "/").statusCode()).isEqualTo(200);
            RequestMetrics m = f.router.requestMetrics().get(0);
            assertThat(m.requests()).isEqualTo(2);
            assertThat(m.target5xx()).isEqualTo(1);
            assertThat(m.target2xx()).isEqualTo(1);
        }
    }

    private static TargetGroup group(Resilience r, Target... targets) {
        return new TargetGroup(
                "g", TargetProtocol.HTTP, NEVER_JUDGED, Duration.ofSeconds(1), Duration.ZERO, List.of(targets), r);
    }

    private static RoutingTable table(TargetGroup g) {
        return new RoutingTable(List.of(http("l", List.of(), Action.Forward.to("g"))), List.of(g));
    }

    private static List<Integer> statuses(RouterFixture f, TargetGroup g, int n) {
        f.apply(table(g));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.get("l", "/").statusCode());
        }
        return out;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
