package dev.gantry.control.lb.dataplane;

import static dev.gantry.control.lb.dataplane.Snapshots.ALB;
import static dev.gantry.control.lb.dataplane.Snapshots.L_HTTP;
import static dev.gantry.control.lb.dataplane.Snapshots.L_TCP;
import static dev.gantry.control.lb.dataplane.Snapshots.NLB;
import static dev.gantry.control.lb.dataplane.Snapshots.TG_A;
import static dev.gantry.control.lb.dataplane.Snapshots.TG_B;
import static dev.gantry.control.lb.dataplane.Snapshots.TG_TCP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.lb.RoutingSnapshot;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.HealthCheck;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.router.table.Action.FixedResponse;
import dev.gantry.router.table.Action.Forward;
import dev.gantry.router.table.Action.Redirect;
import dev.gantry.router.table.Action.WeightedGroup;
import dev.gantry.router.table.Condition;
import dev.gantry.router.table.ListenerProtocol;
import dev.gantry.router.table.Matcher;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The snapshot → router table translation, as a table of ELBv2 inputs and the router records they become. */
class RoutingTablesTest {

    private static RoutingSnapshot with(
            RoutingSnapshot s, UnaryOperator<List<dev.gantry.core.lb.Listener>> listeners, List<Rule> rules) {
        return new RoutingSnapshot(
                s.version(), s.loadBalancers(), listeners.apply(s.listeners()), rules, s.targetGroups(), s.targets());
    }

    private static RoutingSnapshot defaultAction(Action action) {
        RoutingSnapshot s = Snapshots.web(8080);
        return with(s, ls -> List.of(Snapshots.listener(L_HTTP, ALB, 8080, "HTTP", action)), List.of());
    }

    static Stream<Arguments> defaultActions() {
        return Stream.of(
                Arguments.of(
                        "forward to one group",
                        Snapshots.forward(TG_A, "1"),
                        new Forward(List.of(new WeightedGroup(TG_A, 1)))),
                Arguments.of(
                        "weighted forward 80/20",
                        Snapshots.forward(TG_A, "80", TG_B, "20"),
                        new Forward(List.of(new WeightedGroup(TG_A, 80), new WeightedGroup(TG_B, 20)))),
                Arguments.of(
                        "weights all zero answer 503, as ALB does",
                        Snapshots.forward(TG_A, "0", TG_B, "0"),
                        new FixedResponse(503, Optional.empty(), Optional.empty())),
                Arguments.of(
                        "fixed-response",
                        new Action(
                                Action.FIXED_RESPONSE,
                                1,
                                List.of(),
                                Optional.empty(),
                                Optional.of(
                                        new Action.FixedResponse("404", Optional.of("text/plain"), Optional.of("no"))),
                                Optional.empty()),
                        new FixedResponse(404, Optional.of("text/plain"), Optional.of("no"))),
                Arguments.of(
                        "redirect: placeholder parts stay the request's",
                        new Action(
                                Action.REDIRECT,
                                1,
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(new Action.Redirect(
                                        "HTTPS", "443", "#{host}", "/new/#{path}", "#{query}", "HTTP_301"))),
                        new Redirect(
                                Optional.of("HTTPS"),
                                Optional.empty(),
                                Optional.of("443"),
                                Optional.of("/new/#{path}"),
                                Optional.empty(),
                                301)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultActions")
    void defaultActionsBecomeRouterActions(String name, Action in, dev.gantry.router.table.Action expected) {
        Translation t = RoutingTables.translate(defaultAction(in));
        assertThat(t.skipped()).isEmpty();
        assertThat(t.table().listeners())
                .singleElement()
                .satisfies(l -> assertThat(l.defaultAction()).isEqualTo(expected));
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of(
                        Snapshots.condition(RuleCondition.PATH_PATTERN, "/b/*"),
                        new Condition.PathPattern(List.of("/b/*"))),
                Arguments.of(
                        Snapshots.condition(RuleCondition.HOST_HEADER, "api.*"),
                        new Condition.HostHeader(List.of("api.*"))),
                Arguments.of(
                        new RuleCondition(
                                RuleCondition.HTTP_HEADER, List.of("beta"), Optional.of("X-Track"), List.of()),
                        new Condition.HttpHeader("X-Track", List.of("beta"))),
                Arguments.of(
                        Snapshots.condition(RuleCondition.HTTP_REQUEST_METHOD, "POST", "PUT"),
                        new Condition.HttpRequestMethod(List.of("POST", "PUT"))),
                Arguments.of(
                        Snapshots.condition(RuleCondition.SOURCE_IP, "10.0.0.0/8"),
                        new Condition.SourceIp(List.of("10.0.0.0/8"))),
                Arguments.of(
                        new RuleCondition(
                                RuleCondition.QUERY_STRING,
                                List.of(),
                                Optional.empty(),
                                List.of(
                                        new RuleCondition.QueryStringPair(Optional.of("v"), "2"),
                                        new RuleCondition.QueryStringPair(Optional.empty(), "beta"))),
                        new Condition.QueryString(List.of(
                                new Condition.KeyValue(Optional.of("v"), "2"),
                                new Condition.KeyValue(Optional.empty(), "beta")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void ruleConditionsBecomeRouterConditions(RuleCondition in, Condition expected) {
        RoutingSnapshot s =
                with(Snapshots.web(8080), ls -> ls, List.of(Snapshots.rule(5, in, Snapshots.forward(TG_B, "1"))));
        var rules = RoutingTables.translate(s).table().listeners().getFirst().rules();
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.priority()).isEqualTo(5);
            assertThat(r.conditions()).containsExactly(expected);
            assertThat(r.action()).isEqualTo(Forward.to(TG_B));
        });
    }

    @Test
    void rulesKeepTheirPrioritiesInOrderAndTheLastActionByOrderAnswers() {
        Action first = new Action(
                Action.FIXED_RESPONSE,
                1,
                List.of(),
                Optional.empty(),
                Optional.of(new Action.FixedResponse("500", Optional.empty(), Optional.empty())),
                Optional.empty());
        Action terminal =
                Action.forward(2, List.of(new dev.gantry.core.lb.WeightedTargetGroup(TG_B, 1)), Optional.empty());
        Rule late =
                Snapshots.rule(20, Snapshots.condition(RuleCondition.PATH_PATTERN, "/x"), Snapshots.forward(TG_A, "1"));
        Rule early = new Rule(
                L_HTTP + "/r",
                L_HTTP,
                3,
                List.of(Snapshots.condition(RuleCondition.PATH_PATTERN, "/b")),
                List.of(terminal, first));
        var rules = RoutingTables.translate(with(Snapshots.web(8080), ls -> ls, List.of(late, early)))
                .table()
                .listeners()
                .getFirst()
                .rules();
        assertThat(rules).extracting(dev.gantry.router.table.Rule::priority).containsExactly(3, 20);
        assertThat(rules.getFirst().action()).isEqualTo(Forward.to(TG_B));
    }

    @Test
    void theSchemeChoosesTheBindAddress() {
        assertThat(RoutingTables.translate(Snapshots.web(8080))
                        .table()
                        .listeners()
                        .getFirst()
                        .bindAddress())
                .isEqualTo("127.0.0.1");
        RoutingSnapshot s = Snapshots.web(8080);
        RoutingSnapshot facing = new RoutingSnapshot(
                1,
                List.of(Snapshots.lb(ALB, LoadBalancer.APPLICATION, LoadBalancer.INTERNET_FACING)),
                s.listeners(),
                List.of(),
                s.targetGroups(),
                s.targets());
        Translation t = RoutingTables.translate(facing);
        assertThat(t.table().listeners().getFirst().bindAddress()).isEqualTo("0.0.0.0");
        assertThat(t.table().listeners().getFirst().port()).isEqualTo(8080);
        assertThat(t.loadBalancerOfListener()).containsEntry(L_HTTP, ALB);
    }

    @Test
    void targetGroupsCarryHealthChecksAttributesAndTheirTargetsButNotDrainingOnes() {
        RoutingSnapshot s = Snapshots.web(8080);
        RoutingSnapshot in = new RoutingSnapshot(
                1,
                s.loadBalancers(),
                s.listeners(),
                List.of(),
                List.of(Snapshots.group(
                        TG_A,
                        "HTTP",
                        Snapshots.httpCheck(),
                        Map.of("deregistration_delay.timeout_seconds", "5", "slow_start.duration_seconds", "30"))),
                List.of(
                        Snapshots.target(TG_A, "10.0.0.5", 8080),
                        Snapshots.draining(TG_A, "10.0.0.6", 8080),
                        Snapshots.target(TG_A, "10.0.0.7", 9090)));
        dev.gantry.router.table.TargetGroup g =
                RoutingTables.translate(in).table().targetGroups().getFirst();
        assertThat(g.id()).isEqualTo(TG_A);
        assertThat(g.protocol()).isEqualTo(TargetProtocol.HTTP);
        assertThat(g.deregistrationDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(g.slowStart()).isEqualTo(Duration.ofSeconds(30));
        assertThat(g.targets()).containsExactly(new Target("10.0.0.5", 8080), new Target("10.0.0.7", 9090));
        assertThat(g.healthCheck())
                .isEqualTo(new dev.gantry.router.table.HealthCheck(
                        TargetProtocol.HTTP,
                        "/health",
                        OptionalInt.empty(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(2),
                        2,
                        3,
                        Matcher.parse("200-299")));
    }

    @Test
    void aTcpListenerForwardsToATcpGroupCheckedOnItsPort() {
        HealthCheck tcp = new HealthCheck(true, "TCP", "5433", Optional.empty(), 10, 10, 3, 3, Optional.empty());
        RoutingSnapshot s = new RoutingSnapshot(
                1,
                List.of(Snapshots.lb(NLB, LoadBalancer.NETWORK, LoadBalancer.INTERNAL)),
                List.of(Snapshots.listener(L_TCP, NLB, 5432, "TCP", Snapshots.forward(TG_TCP, "1"))),
                List.of(),
                List.of(Snapshots.group(TG_TCP, "TCP", tcp, Map.of())),
                List.of(Snapshots.target(TG_TCP, "10.0.0.9", 5432)));
        Translation t = RoutingTables.translate(s);
        assertThat(t.skipped()).isEmpty();
        var l = t.table().listeners().getFirst();
        assertThat(l.protocol()).isEqualTo(ListenerProtocol.TCP);
        assertThat(l.defaultAction()).isEqualTo(Forward.to(TG_TCP));
        var g = t.table().targetGroups().getFirst();
        assertThat(g.protocol()).isEqualTo(TargetProtocol.TCP);
        assertThat(g.healthCheck().protocol()).isEqualTo(TargetProtocol.TCP);
        assertThat(g.healthCheck().port()).hasValue(5433);
        assertThat(g.healthCheck().path()).isEqualTo("/");
    }

    @Test
    void aListenerTheRouterCannotTakeIsLeftOutWithItsReasonAndTheOthersStay() {
        RoutingSnapshot s = Snapshots.web(8080);
        RoutingSnapshot in = new RoutingSnapshot(
                1,
                s.loadBalancers(),
                List.of(
                        s.listeners().getFirst(),
                        Snapshots.listener(L_HTTP + "x", ALB, 8081, "HTTP", Snapshots.forward("arn:gone", "1")),
                        Snapshots.listener(L_HTTP + "y", "arn:no-such-lb", 8082, "HTTP", Snapshots.forward(TG_A, "1"))),
                List.of(),
                s.targetGroups(),
                s.targets());
        Translation t = RoutingTables.translate(in);
        assertThat(t.table().listeners())
                .extracting(dev.gantry.router.table.Listener::id)
                .containsExactly(L_HTTP);
        assertThat(t.skipped()).hasSize(2);
        assertThat(t.skipped().get(0)).contains(L_HTTP + "x", "arn:gone");
        assertThat(t.skipped().get(1)).contains(L_HTTP + "y", "arn:no-such-lb");
    }

    @Test
    void anEmptySnapshotIsAnEmptyTable() {
        Translation t =
                RoutingTables.translate(new RoutingSnapshot(1, List.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(t.table().listeners()).isEmpty();
        assertThat(t.table().targetGroups()).isEmpty();
        assertThat(t.skipped()).isEmpty();
    }
}
