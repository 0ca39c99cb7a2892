package dev.gantry.control.lb;

import static dev.gantry.control.lb.LbFixture.forward;
import static dev.gantry.control.lb.LoadBalancingTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.reconcile.ManualClock;
import dev.gantry.core.lb.LbArns;
import dev.gantry.core.lb.LbError;
import dev.gantry.store.lb.LbStore;
import dev.gantry.store.lb.LbTagStore;
import dev.gantry.store.lb.TargetGroupStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane's word on listening, as the ELBv2 operations use it: a port the data plane cannot listen on
 * refuses CreateListener and a ModifyListener that moves there (nothing is stored, nothing published), and a load
 * balancer's impairment is the data plane's.
 */
class DataPlaneStatusTest {
    private static final int TAKEN = 8081;

    @TempDir
    Path dir;

    /** Refuses {@link #TAKEN} on whichever address, records what it was asked. */
    private static final class Status implements DataPlaneStatus {
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<String> cannotListen(String listenerArn, String bindAddress, int port) {
            asked.add(bindAddress + ":" + port);
            return port == TAKEN ? Optional.of("Port 8081 on " + bindAddress + " is in use") : Optional.empty();
        }

        @Override
        public Optional<String> impairment(String loadBalancerArn) {
            return Optional.of("impaired " + loadBalancerArn);
        }
    }

    private static String group(LoadBalancing lb, String name) {
        return lb.targetGroups()
                .create(
                        new TargetGroups.Spec(
                                name,
                                Optional.of("HTTP"),
                                Optional.empty(),
                                Optional.of(80),
                                Optional.empty(),
                                Optional.of("ip"),
                                Optional.empty()),
                        HealthCheckInput.none(),
                        List.of())
                .arn();
    }

    @Test
    void aPortTheDataPlaneCannotTakeIsRefusedBeforeAnythingIsStored() {
        Status status = new Status();
        List<RoutingSnapshot> published = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("gantry.db"))) {
            LoadBalancing lb = new LoadBalancing(
                    new LbStore(db),
                    new TargetGroupStore(db),
                    new LbTagStore(db),
                    new LbArns(LbFixture.ARNS),
                    LbFixture.counting(),
                    new ManualClock(Instant.parse("2026-01-01T00:00:00Z")),
                    published::add,
                    TargetHealthSource.NONE,
                    status);
            String alb = lb.loadBalancers()
                    .create("web", Optional.empty(), Optional.of("internal"), Optional.empty(), List.of())
                    .arn();
            String facing = lb.loadBalancers()
                    .create("pub", Optional.empty(), Optional.of("internet-facing"), Optional.empty(), List.of())
                    .arn();
            String tg = group(lb, "g");
            String other = group(lb, "h");
            int before = published.size();
            fails(
                    () -> lb.listeners()
                            .create(alb, Optional.of(TAKEN), Optional.empty(), forward(tg), false, List.of()),
                    LbError.INVALID_CONFIGURATION_REQUEST,
                    "Port 8081 on 127.0.0.1 is in use");
            assertThat(lb.listeners().describe(Optional.of(alb), List.of())).isEmpty();
            assertThat(published).hasSize(before);

            String listener = lb.listeners()
                    .create(alb, Optional.of(8080), Optional.empty(), forward(tg), false, List.of())
                    .arn();
            fails(
                    () -> lb.listeners()
                            .modify(listener, Optional.of(TAKEN), Optional.empty(), Optional.empty(), false),
                    LbError.INVALID_CONFIGURATION_REQUEST,
                    "in use");
            assertThat(lb.listeners().find(listener).port()).isEqualTo(8080);
            status.asked.clear();
            lb.listeners().modify(listener, Optional.empty(), Optional.empty(), Optional.of(forward(tg)), false);
            assertThat(status.asked)
                    .as("a modify that keeps the port does not ask")
                    .isEmpty();

            fails(
                    () -> lb.listeners()
                            .create(facing, Optional.of(TAKEN), Optional.empty(), forward(other), false, List.of()),
                    LbError.INVALID_CONFIGURATION_REQUEST,
                    "0.0.0.0");
            assertThat(lb.impairment(alb)).hasValue("impaired " + alb);
        }
    }
}
