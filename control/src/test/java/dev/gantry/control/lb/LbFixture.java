package dev.gantry.control.lb;

import dev.gantry.control.reconcile.ManualClock;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbArns;
import dev.gantry.core.lb.WeightedTargetGroup;
import dev.gantry.store.lb.LbStore;
import dev.gantry.store.lb.LbTagStore;
import dev.gantry.store.lb.TargetGroupStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Load balancing on a real SQLite file, a hand-moved clock, counting ids and a sink that keeps every snapshot. */
final class LbFixture implements AutoCloseable {
    static final Arns ARNS = new Arns("us-east-1", "123456789012");

    final Database db;
    final ManualClock clock;
    final List<RoutingSnapshot> snapshots = new ArrayList<>();
    final LoadBalancing lb;

    LbFixture(Path file, ManualClock clock) {
        this.db = Database.open(file);
        this.clock = clock;
        this.lb = new LoadBalancing(
                new LbStore(db),
                new TargetGroupStore(db),
                new LbTagStore(db),
                new LbArns(ARNS),
                counting(),
                clock,
                snapshots::add,
                TargetHealthSource.NONE);
    }

    static LbFixture open(Path dir) {
        return new LbFixture(dir.resolve("gantry.db"), new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static final AtomicLong NEXT = new AtomicLong();

    static IdSource counting() {
        return new IdSource() {
            @Override
            public String taskId() {
                return HexFormat.of().toHexDigits(NEXT.incrementAndGet()) + "0000000000000000";
            }

            @Override
            public String uuid() {
                return taskId();
            }
        };
    }

    String alb(String name) {
        return lb.loadBalancers()
                .create(name, Optional.empty(), Optional.of("internal"), Optional.empty(), List.of())
                .arn();
    }

    String nlb(String name) {
        return lb.loadBalancers()
                .create(name, Optional.of("network"), Optional.of("internal"), Optional.empty(), List.of())
                .arn();
    }

    String group(String name, String protocol, int port) {
        return lb.targetGroups()
                .create(
                        new TargetGroups.Spec(
                                name,
                                Optional.of(protocol),
                                Optional.empty(),
                                Optional.of(port),
                                Optional.empty(),
                                Optional.of("ip"),
                                Optional.empty()),
                        HealthCheckInput.none(),
                        List.of())
                .arn();
    }

    static List<Action> forward(String... groups) {
        List<WeightedTargetGroup> w = new ArrayList<>();
        for (String g : groups) {
            w.add(new WeightedTargetGroup(g, 1));
        }
        return List.of(Action.forward(1, w, Optional.empty()));
    }

    String listener(String lbArn, int port, String... groups) {
        return lb.listeners()
                .create(lbArn, Optional.of(port), Optional.empty(), forward(groups), false, List.of())
                .arn();
    }

    @Override
    public void close() {
        db.close();
    }
}
