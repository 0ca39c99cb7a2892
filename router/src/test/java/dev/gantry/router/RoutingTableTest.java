package dev.gantry.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.router.table.Action;
import dev.gantry.router.table.Condition;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.Matcher;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Rule;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table validates itself, with messages that say what is wrong. */
class RoutingTableTest {
    private static final Action TO_G = Action.Forward.to("g");

    @Test
    void aForwardToAnUnknownGroupIsRefused() {
        assertThatThrownBy(() -> new RoutingTable(
                        List.of(Listener.http("l", Listener.LOOPBACK, 80, List.of(), Action.Forward.to("nope"))),
                        List.of()))
                .hasMessage("listener l forwards to unknown target group nope");
    }

    @Test
    void twoListenersOnOnePortAreRefused() {
        assertThatThrownBy(() -> new RoutingTable(
                        List.of(
                                Listener.http("a", Listener.LOOPBACK, 80, List.of(), TO_G),
                                Listener.http("b", Listener.LOOPBACK, 80, List.of(), TO_G)),
                        List.of(TargetGroup.http("g", List.of()))))
                .hasMessageContaining("duplicate listener address 127.0.0.1:80");
    }

    @Test
    void rulesAreSortedAndPrioritiesUnique() {
        Rule r5 = new Rule(5, List.of(new Condition.PathPattern(List.of("/a"))), TO_G);
        Rule r1 = new Rule(1, List.of(new Condition.PathPattern(List.of("/b"))), TO_G);
        assertThat(Listener.http("l", Listener.LOOPBACK, 80, List.of(r5, r1), TO_G)
                        .rules())
                .containsExactly(r1, r5);
        assertThatThrownBy(() -> Listener.http("l", Listener.LOOPBACK, 80, List.of(r5, r5), TO_G))
                .hasMessageContaining("two rules with the same priority");
    }

    @Test
    void weightsAndStatusesAreChecked() {
        assertThatThrownBy(() -> new Action.Forward(List.of(new Action.WeightedGroup("g", 0))))
                .hasMessageContaining("weight above 0");
        assertThatThrownBy(() -> new Action.WeightedGroup("g", 1000)).hasMessageContaining("0-999");
        assertThatThrownBy(() -> Matcher.parse("200-abc")).hasMessageContaining("200-299");
        assertThat(Matcher.parse("200,302").matches(302)).isTrue();
        assertThat(Matcher.parse("200-204").matches(205)).isFalse();
    }

    @Test
    void targetsAreIpLiterals() {
        assertThat(new Target("10.0.0.5", 80).toString()).isEqualTo("10.0.0.5:80");
        assertThat(new Target("fd00::5", 80).ip()).isEqualTo("fd00::5");
        assertThatThrownBy(() -> new Target("db.internal", 5432)).hasMessageContaining("not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> new Target("10.0.0.5", 0)).hasMessageContaining("1-65535");
    }

    @Test
    void groupsInUseAreThoseAListenerForwardsTo() {
        RoutingTable t = new RoutingTable(
                List.of(Listener.http("l", Listener.LOOPBACK, 80, List.of(), TO_G)),
                List.of(TargetGroup.http("g", List.of()), TargetGroup.http("spare", List.of())));
        assertThat(t.groupsInUse()).containsExactly("g");
    }
}
