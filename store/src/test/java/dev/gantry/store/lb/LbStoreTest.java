package dev.gantry.store.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.HealthCheck;
import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.core.lb.WeightedTargetGroup;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ELBv2 tables: uniqueness checked in the writing transaction, cascades, drains, index-backed look-ups. */
class LbStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    Database db;
    LbStore lbs;
    TargetGroupStore groups;
    LbTagStore tags;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        lbs = new LbStore(db);
        groups = new TargetGroupStore(db);
        tags = new LbTagStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static LoadBalancer lb(String name) {
        return new LoadBalancer(
                "arn:lb/app/" + name + "/1",
                name,
                "application",
                "internal",
                "ipv4",
                name,
                List.of(),
                List.of(),
                Map.of(),
                T0);
    }

    private static TargetGroup group(String name) {
        HealthCheck hc =
                new HealthCheck(true, "HTTP", "traffic-port", Optional.of("/"), 30, 6, 5, 2, Optional.of("200"));
        return new TargetGroup(
                "arn:tg/" + name,
                name,
                "HTTP",
                Optional.of("HTTP1"),
                80,
                "vpc",
                "ip",
                "ipv4",
                hc,
                Map.of("deregistration_delay.timeout_seconds", "300"),
                T0);
    }

    private static List<Action> forward(String group) {
        return List.of(Action.forward(1, List.of(new WeightedTargetGroup(group, 1)), Optional.empty()));
    }

    private static Listener listener(String lbArn, String id, int port, String group) {
        return new Listener(
                lbArn + "/l" + id, lbArn, port, "HTTP", forward(group), lbArn + "/l" + id + "/default", Map.of());
    }

    private static Rule rule(String listenerArn, String id, int priority, String group) {
        return new Rule(
                listenerArn + "/r" + id,
                listenerArn,
                priority,
                List.of(new RuleCondition("path-pattern", List.of("/" + id), Optional.empty(), List.of())),
                forward(group));
    }

    @Test
    void aPortIsHeldByOneListenerAcrossLoadBalancersAndAPriorityByOneRulePerListener() {
        LoadBalancer a = lb("a");
        LoadBalancer b = lb("b");
        lbs.insertLoadBalancer(a, List.of());
        lbs.insertLoadBalancer(b, List.of());
        TargetGroup g = group("g");
        groups.insert(g, List.of());
        Listener la = listener(a.arn(), "1", 80, g.arn());
        assertThat(lbs.insertListener(la, List.of())).isEmpty();
        assertThat(lbs.insertListener(listener(b.arn(), "2", 80, g.arn()), List.of()))
                .contains(la);
        assertThat(lbs.insertRule(rule(la.arn(), "1", 1, g.arn()), a.arn(), List.of()))
                .isEmpty();
        Rule r2 = rule(la.arn(), "2", 2, g.arn());
        assertThat(lbs.insertRule(r2, a.arn(), List.of())).isEmpty();
        assertThat(lbs.insertRule(rule(la.arn(), "3", 2, g.arn()), a.arn(), List.of()))
                .contains(r2);
        assertThat(lbs.setPriorities(Map.of(la.arn() + "/r1", 2, r2.arn(), 1))).isEmpty();
        assertThat(lbs.rules(la.arn())).extracting(Rule::arn).containsExactly(r2.arn(), la.arn() + "/r1");
        assertThat(lbs.setPriorities(Map.of(r2.arn(), 2))).as("taken by r1").isPresent();
        assertThat(lbs.rules(la.arn()))
                .extracting(Rule::priority)
                .as("rolled back")
                .containsExactly(1, 2);
    }

    @Test
    void deletingALoadBalancerTakesItsListenersRulesForwardsAndTags() {
        LoadBalancer a = lb("a");
        lbs.insertLoadBalancer(a, List.of(new LbTag("k", "v")));
        TargetGroup g = group("g");
        groups.insert(g, List.of());
        Listener l = listener(a.arn(), "1", 80, g.arn());
        lbs.insertListener(l, List.of(new LbTag("k", "v")));
        lbs.insertRule(rule(l.arn(), "1", 1, g.arn()), a.arn(), List.of(new LbTag("k", "v")));
        assertThat(lbs.loadBalancersOf(g.arn())).containsExactly(a.arn());
        assertThat(groups.delete(g.arn())).isEqualTo(TargetGroupStore.DeleteResult.IN_USE);

        assertThat(lbs.deleteLoadBalancer(a.arn())).isTrue();
        assertThat(lbs.state().listeners()).isEmpty();
        assertThat(lbs.state().rules()).isEmpty();
        assertThat(lbs.loadBalancersOf(g.arn())).isEmpty();
        assertThat(tags.list(a.arn())).isEmpty();
        assertThat(tags.list(l.arn())).isEmpty();
        assertThat(tags.list(l.arn() + "/r1")).isEmpty();
        assertThat(groups.delete(g.arn())).isEqualTo(TargetGroupStore.DeleteResult.DELETED);
    }

    @Test
    void targetsDrainUntilTheirStoredDeadline() {
        TargetGroup g = group("g");
        groups.insert(g, List.of());
        RegisteredTarget t = new RegisteredTarget(g.arn(), "10.0.0.1", 80, T0, Optional.empty());
        assertThat(groups.register(g.arn(), List.of(t))).containsExactly(t);
        assertThat(groups.register(g.arn(), List.of(t)))
                .as("already registered")
                .isEmpty();
        assertThat(groups.deregister(g.arn(), List.of(t), T0.plusSeconds(5))).isEqualTo(1);
        assertThat(groups.deregister(g.arn(), List.of(t), T0.plusSeconds(50)))
                .as("already draining")
                .isZero();
        assertThat(groups.nextDrainDeadline()).contains(T0.plusSeconds(5));
        assertThat(groups.removeDrained(T0.plusSeconds(4))).isEmpty();
        assertThat(groups.removeDrained(T0.plusSeconds(5))).hasSize(1);
        assertThat(groups.targets(g.arn())).isEmpty();
    }

    @Test
    void lookUpsUseIndexes() {
        assertThat(plan("SELECT DISTINCT load_balancer_arn FROM lb_forwards WHERE target_group_arn = ? ORDER BY 1"))
                .contains("USING INDEX lb_forwards_by_group");
        assertThat(plan("SELECT body FROM lb_listeners WHERE load_balancer_arn = ? ORDER BY port"))
                .contains("USING INDEX lb_listeners_by_lb")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan("SELECT body FROM lb_listeners WHERE port = ?")).contains("USING INDEX");
        assertThat(plan("SELECT body FROM lb_rules WHERE listener_arn = ? ORDER BY priority"))
                .contains("USING INDEX")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan("SELECT body FROM lb_target_groups WHERE name = ?")).contains("USING INDEX");
        assertThat(plan("SELECT target_group_arn, ip, port, registered_at, drain_until FROM lb_targets"
                        + " WHERE target_group_arn = ? ORDER BY target_group_arn, ip, port"))
                .contains("USING INDEX sqlite_autoindex_lb_targets_1 (target_group_arn=?)")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan("SELECT target_group_arn, ip, port, registered_at, drain_until FROM lb_targets"
                        + " WHERE drain_until IS NOT NULL AND drain_until <= ?"))
                .contains("USING INDEX lb_targets_draining");
        assertThat(plan("SELECT key, value FROM lb_tags WHERE resource_arn = ? ORDER BY key"))
                .contains("USING INDEX")
                .doesNotContain("TEMP B-TREE");
    }

    private String plan(String sql) {
        return db.read(c -> {
            StringBuilder out = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString("detail")).append('\n');
                }
            }
            return out.toString();
        });
    }
}
