package dev.gantry.router;

import dev.gantry.router.table.Action;
import dev.gantry.router.table.HealthCheck;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.Matcher;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Rule;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import dev.gantry.router.table.TargetProtocol;
import java.time.Duration;
import java.util.List;

/** Small builders for router tests. */
final class Tables {
    private Tables() {}

    /** A fast health check for tests: GET /health every 100 ms, 2 passes to healthy, 2 failures to unhealthy. */
    static final HealthCheck FAST_CHECK = HealthCheck.defaults(TargetProtocol.HTTP)
            .withTiming(Duration.ofMillis(100), Duration.ofMillis(500), 2, 2)
            .withPath("/health", Matcher.parse("200-299"));

    /** The same timing, checked by TCP connect (for targets that do not speak HTTP/1.1). */
    static final HealthCheck TCP_CHECK = new HealthCheck(
            TargetProtocol.TCP,
            "/",
            FAST_CHECK.port(),
            FAST_CHECK.interval(),
            FAST_CHECK.timeout(),
            2,
            2,
            FAST_CHECK.matcher());

    static TargetGroup group(String id, Target... targets) {
        return TargetGroup.http(id, List.of(targets))
                .withHealthCheck(FAST_CHECK)
                .withDeregistrationDelay(Duration.ofSeconds(1));
    }

    static Listener http(String id, List<Rule> rules, Action defaultAction) {
        return Listener.http(id, Listener.LOOPBACK, 0, rules, defaultAction);
    }

    static RoutingTable table(Listener listener, TargetGroup... groups) {
        return new RoutingTable(List.of(listener), List.of(groups));
    }
}
