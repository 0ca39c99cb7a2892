package dev.gantry.control.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.lb.HealthCheckInput;
import dev.gantry.control.lb.LoadBalancing;
import dev.gantry.control.lb.RoutingSnapshot;
import dev.gantry.control.lb.RuleView;
import dev.gantry.control.lb.TargetGroups;
import dev.gantry.control.lb.TargetHealthSource;
import dev.gantry.control.reconcile.ManualClock;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbArns;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.core.lb.WeightedTargetGroup;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentStrategy;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.service.TrafficShiftSettings;
import dev.gantry.store.ecs.ServiceStore;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applier's half of a traffic shift on a real SQLite file and the real control/lb: the listener rules' forward
 * weights change as DescribeRules (and the router's snapshot) show them, survive a reopen, and the shift is stored
 * after them. Nothing is published when the rules already forward so.
 */
class ShiftApplierTest {
    static final Arns ARNS = new Arns("us-east-1", "000000000000");

    @TempDir
    Path dir;

    Database db;
    LoadBalancing lb;
    final List<RoutingSnapshot> published = new ArrayList<>();
    String blue;
    String green;
    String production;
    String test;
    final ServiceFixture f = new ServiceFixture();

    @BeforeEach
    void setUp() {
        open();
        String alb = lb.loadBalancers()
                .create("web", Optional.empty(), Optional.of("internal"), Optional.empty(), List.of())
                .arn();
        blue = group("web-blue");
        green = group("web-green");
        String listener = lb.listeners()
                .create(alb, Optional.of(18080), Optional.empty(), forward(blue), false, List.of())
                .arn();
        production =
                lb.listeners().describe(Optional.of(alb), List.of()).getFirst().defaultRuleArn();
        test = lb.rules()
                .create(
                        listener,
                        Optional.of(1),
                        List.of(new RuleCondition(
                                RuleCondition.HTTP_HEADER, List.of("1"), Optional.of("x-test"), List.of())),
                        forward(blue),
                        List.of())
                .arn();
    }

    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        lb = new LoadBalancing(
                new LbStore(db),
                new TargetGroupStore(db),
                new LbTagStore(db),
                new LbArns(ARNS),
                counting(),
                new ManualClock(Instant.parse("2026-01-01T00:00:00Z")),
                published::add,
                TargetHealthSource.NONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    String group(String name) {
        return lb.targetGroups()
                .create(
                        new TargetGroups.Spec(
                                name,
                                Optional.of("HTTP"),
                                Optional.empty(),
                                Optional.of(8080),
                                Optional.empty(),
                                Optional.of("ip"),
                                Optional.empty()),
                        HealthCheckInput.none(),
                        List.of())
                .arn();
    }

    static List<Action> forward(String group) {
        return List.of(Action.forward(1, List.of(new WeightedTargetGroup(group, 1)), Optional.empty()));
    }

    List<WeightedTargetGroup> described(String rule) {
        RuleView r = lb.rules().describe(Optional.empty(), List.of(rule)).getFirst();
        return r.actions().getFirst().targetGroups();
    }

    @Test
    void aShiftSetsTheRulesWeightsStoresThemAndPublishesThem() {
        ServiceStore services = new ServiceStore(db);
        f.rolling();
        ServiceState state = f.state();
        Deployment old = state.deployments().get(1);
        Deployment fresh = state.deployments().get(0);
        services.create(state.service(), old, List.of(), Optional.empty());
        services.updateSpec(state.service().spec(), Optional.of(fresh), ServiceFixture.NOW);
        TrafficShift shift = TrafficShift.begin(
                        fresh.id(),
                        state.service().serviceArn(),
                        old.id(),
                        new TrafficShiftSettings(DeploymentStrategy.CANARY, 5, 100, 6, 200, 3, List.of()),
                        List.of(green),
                        List.of(blue),
                        ServiceFixture.NOW)
                .at(dev.gantry.core.service.LifecycleStage.PRODUCTION_TRAFFIC_SHIFT, ServiceFixture.NOW)
                .production(200, ServiceFixture.NOW);
        ServiceApplier applier = new ServiceApplier(services, null, null, null, null, lb.registry(), IdSource.random());
        int before = published.size();

        applier.apply(state, new Plan(List.of(shiftAction(shift)), Optional.empty()));

        assertThat(described(production))
                .containsExactly(new WeightedTargetGroup(blue, 80), new WeightedTargetGroup(green, 20));
        assertThat(described(test))
                .containsExactly(new WeightedTargetGroup(blue, 0), new WeightedTargetGroup(green, 100));
        assertThat(published).hasSizeGreaterThan(before);
        assertThat(services.shifts().of(fresh.id()))
                .hasValueSatisfying(s -> assertThat(s.shift()).isEqualTo(shift));

        int after = published.size();
        applier.apply(state, new Plan(List.of(shiftAction(shift)), Optional.empty()));
        assertThat(published).hasSize(after); // already so: nothing modified, nothing published

        db.close();
        open();
        assertThat(described(production))
                .containsExactly(new WeightedTargetGroup(blue, 80), new WeightedTargetGroup(green, 20));
    }

    dev.gantry.control.service.Action.ShiftTraffic shiftAction(TrafficShift shift) {
        // what the planner would ask for the service's advancedConfiguration
        return new dev.gantry.control.service.Action.ShiftTraffic(
                shift,
                List.of(
                        new TrafficShifts.RuleForward(
                                production,
                                List.of(new WeightedTargetGroup(blue, 80), new WeightedTargetGroup(green, 20))),
                        new TrafficShifts.RuleForward(
                                test, List.of(new WeightedTargetGroup(blue, 0), new WeightedTargetGroup(green, 100)))),
                true);
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
}
