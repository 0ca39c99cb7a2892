package dev.gantry.control.lb;

import static dev.gantry.control.lb.LbFixture.forward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorKind;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.RuleCondition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ELBv2 operations on a real store: consistency of listeners, rules and targets, drains across a restart. */
class LoadBalancingTest {
    @TempDir
    Path dir;

    LbFixture f;

    @BeforeEach
    void open() {
        f = LbFixture.open(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    static void fails(ThrowingCallable call, ErrorKind kind, String phrase) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(kind))
                .hasMessageContaining(phrase);
    }

    private static List<RuleCondition> path(String pattern) {
        return List.of(new RuleCondition(RuleCondition.PATH_PATTERN, List.of(pattern), Optional.empty(), List.of()));
    }

    @Test
    void createLoadBalancerIsIdempotentButANameWithOtherSettingsIsDuplicate() {
        String arn = f.alb("web");
        assertThat(arn)
                .matches("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/[0-9a-f]{16}");
        assertThat(f.alb("web")).isEqualTo(arn);
        fails(() -> f.nlb("web"), LbError.DUPLICATE_LOAD_BALANCER_NAME, "already exists");
        assertThat(f.nlb("tcp")).contains(":loadbalancer/net/tcp/");
        fails(() -> f.alb("internal-x"), dev.gantry.core.error.ErrorCode.INVALID_PARAMETER, "internal-");
    }

    @Test
    void loadBalancerAttributesHaveElbsDefaultsAndDeletionProtectionIsEnforced() {
        String alb = f.alb("a");
        assertThat(f.lb.loadBalancers().attributes(alb))
                .containsEntry("idle_timeout.timeout_seconds", "60")
                .containsEntry("deletion_protection.enabled", "false")
                .containsEntry("ipv6.deny_all_igw_traffic", "true");
        assertThat(f.lb.loadBalancers().attributes(f.nlb("n")))
                .containsEntry("load_balancing.cross_zone.enabled", "false")
                .doesNotContainKey("idle_timeout.timeout_seconds");
        f.lb.loadBalancers()
                .modifyAttributes(
                        alb, Map.of("deletion_protection.enabled", "true", "idle_timeout.timeout_seconds", "120"));
        fails(() -> f.lb.loadBalancers().delete(alb), LbError.OPERATION_NOT_PERMITTED, "deletion protection");
        assertThat(f.snapshots.getLast().loadBalancers().getFirst().attributes())
                .containsEntry("idle_timeout.timeout_seconds", "120");
        fails(
                () -> f.lb.loadBalancers().modifyAttributes(alb, Map.of("access_logs.s3.enabled", "true")),
                LbError.INVALID_CONFIGURATION_REQUEST,
                "S3");
        fails(
                () -> f.lb.loadBalancers().modifyAttributes(alb, Map.of("idle_timeout.timeout_seconds", "0")),
                dev.gantry.core.error.ErrorCode.INVALID_PARAMETER,
                "from 1 to 4000");
        f.lb.loadBalancers().modifyAttributes(alb, Map.of("deletion_protection.enabled", "false"));
        f.lb.loadBalancers().delete(alb);
        assertThat(f.lb.loadBalancers().describe(List.of(), List.of()))
                .extracting(lb -> lb.name())
                .containsExactly("n");
    }

    @Test
    void aListenerPortIsAHostPortUniqueAcrossLoadBalancers() {
        String a = f.alb("a");
        String b = f.alb("b");
        String ga = f.group("ga", "HTTP", 80);
        String gb = f.group("gb", "HTTP", 80);
        String listener = f.listener(a, 8080, ga);
        assertThat(listener).startsWith(a.replace(":loadbalancer/", ":listener/") + "/");
        assertThat(f.listener(a, 8080, ga)).as("the same listener again").isEqualTo(listener);
        fails(() -> f.listener(a, 8080, gb), LbError.DUPLICATE_LISTENER, "port 8080");
        fails(() -> f.listener(b, 8080, gb), LbError.INVALID_CONFIGURATION_REQUEST, "port of this host");
        String other = f.listener(b, 8081, gb);
        fails(
                () -> f.lb.listeners().modify(other, Optional.of(8080), Optional.empty(), Optional.empty(), false),
                LbError.INVALID_CONFIGURATION_REQUEST,
                "Port 8080");
    }

    @Test
    void listenerAttributesFollowTheProtocol() {
        String http = f.listener(f.alb("a"), 8080, f.group("g", "HTTP", 80));
        assertThat(f.lb.listeners().attributes(http)).containsEntry("routing.http.response.server.enabled", "true");
        f.lb.listeners().modifyAttributes(http, Map.of("routing.http.response.server.enabled", "false"));
        assertThat(f.lb.listeners().find(http).attributes())
                .containsEntry("routing.http.response.server.enabled", "false");
        fails(
                () -> f.lb.listeners().modifyAttributes(http, Map.of("tcp.idle_timeout.seconds", "100")),
                dev.gantry.core.error.ErrorCode.INVALID_PARAMETER,
                "not recognized for a listener with protocol HTTP");
        String tcp = f.listener(f.nlb("n"), 5432, f.group("t", "TCP", 5432));
        assertThat(f.lb.listeners().attributes(tcp)).containsExactly(Map.entry("tcp.idle_timeout.seconds", "350"));
        fails(
                () -> f.lb.listeners().modifyAttributes(tcp, Map.of("tcp.idle_timeout.seconds", "59")),
                dev.gantry.core.error.ErrorCode.INVALID_PARAMETER,
                "from 60 to 6000");
    }

    @Test
    void aTargetGroupServesOneLoadBalancerAndCannotBeDeletedWhileInUse() {
        String a = f.alb("a");
        String b = f.alb("b");
        String g = f.group("g", "HTTP", 80);
        String listener = f.listener(a, 8080, g);
        fails(() -> f.listener(b, 8081, g), LbError.TARGET_GROUP_ASSOCIATION_LIMIT, "more than one load balancer");
        fails(() -> f.lb.targetGroups().delete(g), LbError.RESOURCE_IN_USE, "in use");
        assertThat(f.lb.targetGroups().loadBalancerArns(g)).containsExactly(a);
        f.lb.listeners().delete(listener);
        assertThat(f.lb.targetGroups().loadBalancerArns(g)).isEmpty();
        f.lb.targetGroups().delete(g);
        f.lb.targetGroups().delete(g); // gone: succeeds, as in ELBv2
    }

    @Test
    void anNlbForwardsTcpToOneGroupAndAnAlbHttp() {
        String nlb = f.nlb("n");
        String http = f.group("h", "HTTP", 80);
        String tcp = f.group("t", "TCP", 5432);
        String tcp2 = f.group("t2", "TCP", 5432);
        fails(
                () -> f.listener(nlb, 5432, http),
                LbError.INCOMPATIBLE_PROTOCOLS,
                "use a target group with protocol TCP");
        fails(
                () -> f.listener(nlb, 5432, tcp, tcp2),
                dev.gantry.core.error.ErrorCode.INVALID_PARAMETER,
                "exactly one target group");
        assertThat(f.listener(nlb, 5432, tcp)).contains(":listener/net/n/");
        fails(
                () -> f.lb.rules()
                        .create(
                                f.lb.listeners()
                                        .describe(Optional.of(nlb), List.of())
                                        .getFirst()
                                        .arn(),
                                Optional.of(1),
                                path("/"),
                                forward(tcp),
                                List.of()),
                LbError.INVALID_CONFIGURATION_REQUEST,
                "have no rules");
    }

    @Test
    void deletingALoadBalancerDeletesItsListenersAndRules() {
        String a = f.alb("a");
        String g = f.group("g", "HTTP", 80);
        String listener = f.listener(a, 8080, g);
        String rule = f.lb.rules()
                .create(listener, Optional.of(5), path("/x"), forward(g), List.of())
                .arn();
        f.lb.loadBalancers().delete(a);
        fails(() -> f.lb.listeners().find(listener), LbError.LISTENER_NOT_FOUND, listener);
        fails(() -> f.lb.rules().describe(Optional.empty(), List.of(rule)), LbError.RULE_NOT_FOUND, rule);
        f.lb.targetGroups().delete(g); // no longer in use
        assertThat(f.snapshots.getLast().listeners()).isEmpty();
        assertThat(f.snapshots.getLast().rules()).isEmpty();
    }

    @Test
    void rulesHaveUniquePrioritiesThatCanBeSwappedAndADefaultRuleThatStays() {
        String a = f.alb("a");
        String g = f.group("g", "HTTP", 80);
        String listener = f.listener(a, 8080, g);
        String r1 = f.lb.rules()
                .create(listener, Optional.of(1), path("/a"), forward(g), List.of())
                .arn();
        String r2 = f.lb.rules()
                .create(listener, Optional.of(2), path("/b"), forward(g), List.of())
                .arn();
        fails(
                () -> f.lb.rules().create(listener, Optional.of(2), path("/c"), forward(g), List.of()),
                LbError.PRIORITY_IN_USE,
                "Priority 2");
        f.lb.rules().setPriorities(List.of(Map.entry(r1, 2), Map.entry(r2, 1)));
        List<RuleView> rules = f.lb.rules().describe(Optional.of(listener), List.of());
        assertThat(rules)
                .extracting(RuleView::arn)
                .containsExactly(r2, r1, rules.getLast().arn());
        RuleView def = rules.getLast();
        assertThat(def.isDefault()).isTrue();
        assertThat(def.priority()).isEmpty();
        fails(() -> f.lb.rules().delete(def.arn()), LbError.OPERATION_NOT_PERMITTED, "cannot be deleted");
        fails(
                () -> f.lb.rules().modify(def.arn(), Optional.of(path("/z")), Optional.empty()),
                LbError.OPERATION_NOT_PERMITTED,
                "no conditions");
        fails(
                () -> f.lb.rules().setPriorities(List.of(Map.entry(def.arn(), 9))),
                LbError.OPERATION_NOT_PERMITTED,
                "default rule");
        fails(() -> f.lb.rules().setPriorities(List.of(Map.entry(r1, 1))), LbError.PRIORITY_IN_USE, "Priority 1");
        assertThat(f.lb.rules().describe(Optional.of(listener), List.of()))
                .extracting(RuleView::arn)
                .as("a refused move changes nothing")
                .startsWith(r2, r1);
    }

    @Test
    void aDeregisteredTargetDrainsForTheDelayThenIsGoneEvenAcrossARestart() {
        String a = f.alb("a");
        String g = f.group("g", "HTTP", 80);
        f.listener(a, 8080, g);
        f.lb.targetGroups().modifyAttributes(g, Map.of("deregistration_delay.timeout_seconds", "10"));
        f.lb.targets().register(g, List.of(new TargetInput("10.0.0.1", Optional.empty())));
        f.lb.targets().deregister(g, List.of(new TargetInput("10.0.0.1", Optional.of(80))));
        assertThat(f.lb.targets().health(g, List.of()).getFirst().health().state())
                .isEqualTo(TargetState.DRAINING);
        f.clock.advance(Duration.ofSeconds(9));
        assertThat(f.lb.targets().removeDrained()).isZero();
        var clock = f.clock;
        f.close();

        f = new LbFixture(dir.resolve("gantry.db"), clock); // a restart: only the store remembers the drain
        assertThat(f.lb.start().targets())
                .singleElement()
                .satisfies(t -> assertThat(t.draining()).isTrue());
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.lb.targets().removeDrained()).isEqualTo(1);
        assertThat(f.lb.targets().health(g, List.of())).isEmpty();
        assertThat(f.snapshots.getLast().targets()).isEmpty();
    }

    @Test
    void targetHealthSaysWhyBeforeAnyCheckRuns() {
        String g = f.group("g", "HTTP", 80);
        TargetGroupRegistry registry = f.lb.registry();
        Target t = new Target("10.0.0.2", 8080);
        assertThat(registry.health(g, t).reason()).contains("Target.NotRegistered");
        AtomicInteger changes = new AtomicInteger();
        registry.onHealthChange(arn -> changes.incrementAndGet());
        registry.register(g, t);
        registry.register(g, t); // a no-op
        assertThat(changes).hasValue(1);
        assertThat(registry.health(g, t).reason()).as("on no listener").contains("Target.NotInUse");
        f.listener(f.alb("a"), 8080, g);
        assertThat(registry.health(g, t).state()).isEqualTo(TargetState.INITIAL);
        assertThat(registry.health(g, t).reason()).contains("Elb.RegistrationInProgress");
        assertThat(registry.targetGroup(g)).hasValueSatisfying(ref -> {
            assertThat(ref.deregistrationDelay()).isEqualTo(Duration.ofSeconds(300));
            assertThat(ref.loadBalancerArns()).hasSize(1);
        });
        registry.deregister(g, t);
        registry.deregister(g, t); // a no-op
        registry.deregister(g, new Target("10.0.0.3", 8080)); // never registered: a no-op
        assertThat(registry.health(g, t).state()).isEqualTo(TargetState.DRAINING);
        assertThat(changes).hasValue(2);
        registry.register(g, t); // registering a draining target again cancels the drain
        assertThat(registry.health(g, t).state()).isEqualTo(TargetState.INITIAL);
    }

    @Test
    void everyCommittedChangePublishesAWholeSnapshotInOrder() {
        String a = f.alb("a");
        String g = f.group("g", "HTTP", 80);
        f.listener(a, 8080, g);
        f.lb.targets().register(g, List.of(new TargetInput("10.0.0.1", Optional.of(8080))));
        assertThat(f.snapshots).extracting(RoutingSnapshot::version).containsExactly(1L, 2L, 3L, 4L);
        RoutingSnapshot last = f.snapshots.getLast();
        assertThat(last.loadBalancers())
                .singleElement()
                .satisfies(lb -> assertThat(lb.bindAddress()).isEqualTo("127.0.0.1"));
        assertThat(last.listeners())
                .singleElement()
                .satisfies(l -> assertThat(l.port()).isEqualTo(8080));
        assertThat(last.targetGroups())
                .singleElement()
                .satisfies(
                        tg -> assertThat(tg.attributes()).containsEntry("deregistration_delay.timeout_seconds", "300"));
        assertThat(last.targets())
                .singleElement()
                .satisfies(t -> assertThat(t.port()).isEqualTo(8080));
    }
}
