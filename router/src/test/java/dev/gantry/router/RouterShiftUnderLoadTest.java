package dev.gantry.router;

import static dev.gantry.router.Tables.group;
import static dev.gantry.router.Tables.http;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.router.health.TargetState;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.TargetGroup;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * A blue/green shift under continuous load: weights move 100/0 → 50/50 → 0/100, then blue's targets are
 * deregistered and drain, while four clients keep sending requests. Not one request may fail.
 */
class RouterShiftUnderLoadTest {

    @Test
    void shiftingWeightsAndDrainingUnderLoadFailsNoRequest() throws Exception {
        try (TestBackend blue1 = new TestBackend("blue");
                TestBackend blue2 = new TestBackend("blue");
                TestBackend green1 = new TestBackend("green");
                TestBackend green2 = new TestBackend("green");
                RouterFixture f = new RouterFixture()) {
            TargetGroup blue = group("blue", blue1.target(), blue2.target());
            TargetGroup green = group("green", green1.target(), green2.target());
            f.apply(shift(blue, green, 100, 0));
            f.awaitState("blue", blue1.target(), TargetState.HEALTHY);
            f.awaitState("blue", blue2.target(), TargetState.HEALTHY);

            AtomicBoolean running = new AtomicBoolean(true);
            LongAdder ok = new LongAdder();
            List<String> failures = new CopyOnWriteArrayList<>();
            Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = f.get("l", "/");
                            if (r.statusCode() == 200) {
                                ok.increment();
                                answeredBy
                                        .computeIfAbsent(r.body(), k -> new AtomicInteger())
                                        .incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }

            awaitMore(ok, 200);
            f.apply(shift(blue, green, 50, 50));
            f.awaitState("green", green1.target(), TargetState.HEALTHY);
            f.awaitState("green", green2.target(), TargetState.HEALTHY);
            awaitMore(ok, 200);
            f.apply(shift(blue, green, 0, 100));
            awaitMore(ok, 200);
            f.apply(shift(blue.withTargets(List.of()), green, 0, 100)); // blue's targets drain
            awaitMore(ok, 200);
            RouterFixture.await(
                    () -> f.router.targetHealth().stream()
                            .noneMatch(h -> h.targetGroupId().equals("blue")),
                    "blue's targets to finish draining");
            awaitMore(ok, 100);
            running.set(false);
            for (Thread t : clients) {
                t.join();
            }

            assertThat(failures).isEmpty();
            assertThat(answeredBy.keySet()).containsExactlyInAnyOrder("blue", "green");
        }
    }

    private static RoutingTable shift(TargetGroup blue, TargetGroup green, int blueWeight, int greenWeight) {
        return new RoutingTable(
                List.of(http(
                        "l",
                        List.of(),
                        new Action.Forward(List.of(
                                new Action.WeightedGroup("blue", blueWeight),
                                new Action.WeightedGroup("green", greenWeight))))),
                List.of(blue, green));
    }

    private static void awaitMore(LongAdder counter, int more) {
        long target = counter.sum() + more;
        RouterFixture.await(() -> counter.sum() >= target, more + " more answered requests");
    }
}
