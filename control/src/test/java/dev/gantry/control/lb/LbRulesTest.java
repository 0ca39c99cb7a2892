package dev.gantry.control.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.HealthCheck;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.core.lb.RuleCondition.QueryStringPair;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.core.lb.WeightedTargetGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure ELBv2 rules: health-check defaults and checks, attributes, conditions and actions, as tables. */
class LbRulesTest {
    private static final LoadBalancer ALB = new LoadBalancer(
            "arn:lb/app/a/1",
            "a",
            "application",
            "internal",
            "ipv4",
            "a.elb.localhost",
            List.of(),
            List.of(),
            Map.of(),
            Instant.EPOCH);
    private static final LoadBalancer NLB = new LoadBalancer(
            "arn:lb/net/n/1",
            "n",
            "network",
            "internal",
            "ipv4",
            "n.elb.localhost",
            List.of(),
            List.of(),
            Map.of(),
            Instant.EPOCH);

    private static HealthCheckInput hc(String protocol, String path, Integer interval, Integer timeout, String code) {
        return new HealthCheckInput(
                Optional.empty(),
                Optional.ofNullable(protocol),
                Optional.empty(),
                Optional.ofNullable(path),
                Optional.ofNullable(interval),
                Optional.ofNullable(timeout),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(code),
                Optional.empty());
    }

    @Test
    void healthCheckDefaultsAreElbs() {
        HealthCheck http = HealthCheckRules.create("HTTP", Optional.of("HTTP1"), HealthCheckInput.none());
        assertThat(http)
                .isEqualTo(new HealthCheck(
                        true, "HTTP", "traffic-port", Optional.of("/"), 30, 6, 5, 2, Optional.of("200")));
        HealthCheck tcp = HealthCheckRules.create("TCP", Optional.empty(), HealthCheckInput.none());
        assertThat(tcp)
                .isEqualTo(
                        new HealthCheck(true, "TCP", "traffic-port", Optional.empty(), 30, 10, 5, 2, Optional.empty()));
        HealthCheck tcpOverHttp = HealthCheckRules.create("TCP", Optional.empty(), hc("HTTP", null, null, null, null));
        assertThat(tcpOverHttp.matcher()).contains("200-399");
        assertThat(tcpOverHttp.path()).contains("/");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                // group, protocol, path, interval, timeout, matcher, phrase of the refusal
                "HTTP, TCP,   -,       -,  -,  -,       not supported for target groups with protocol HTTP",
                "HTTP, HTTPS, -,       -,  -,  -,       over HTTPS are not supported",
                "TCP,  TCP,   /health, -,  -,  -,       cannot be set for health checks with protocol TCP",
                "TCP,  TCP,   -,       -,  -,  200,     matcher cannot be set",
                "HTTP, HTTP,  health,  -,  -,  -,       starting with '/'",
                "HTTP, HTTP,  -,       10, 10, -,       must be smaller than the interval",
                "HTTP, HTTP,  -,       -,  -,  600,     from 200 to 499",
                "HTTP, HTTP,  -,       -,  -,  2xx,     from 200 to 499",
                "TCP,  HTTP,  -,       -,  -,  199-299, from 200 to 599",
            })
    void badHealthChecksAreRefusedWithWhatToChange(
            String group, String protocol, String path, Integer interval, Integer timeout, String code, String phrase) {
        assertThatThrownBy(() ->
                        HealthCheckRules.create(group, Optional.empty(), hc(protocol, path, interval, timeout, code)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining(phrase);
    }

    @Test
    void goodMatchersAndModificationsPass() {
        assertThat(HealthCheckRules.create("HTTP", Optional.empty(), hc(null, null, null, null, "200,202-204"))
                        .matcher())
                .contains("200,202-204");
        HealthCheck base = HealthCheckRules.create("HTTP", Optional.empty(), HealthCheckInput.none());
        HealthCheck modified = HealthCheckRules.modify(base, "HTTP", Optional.empty(), hc(null, "/ready", 5, 2, null));
        assertThat(modified.path()).contains("/ready");
        assertThat(modified.intervalSeconds()).isEqualTo(5);
        assertThat(modified.matcher()).contains("200");
    }

    @ParameterizedTest
    @CsvSource({
        "HTTP, deregistration_delay.timeout_seconds, 3601, from 0 to 3600",
        "HTTP, deregistration_delay.timeout_seconds, x, from 0 to 3600",
        "HTTP, slow_start.duration_seconds, 10, or 0 to turn it off",
        "HTTP, stickiness.type, source_ip, use one of app_cookie, lb_cookie",
        "TCP, stickiness.type, lb_cookie, use one of source_ip",
        "HTTP, load_balancing.algorithm.type, random, use one of",
        "HTTP, load_balancing.algorithm.anomaly_mitigation, on, needs load_balancing.algorithm.type weighted_random",
        "TCP, slow_start.duration_seconds, 30, is not recognized",
        "HTTP, stickiness.enabled, yes, use one of false, true",
        "HTTP, stickiness.app_cookie.cookie_name, AWSALBX, reserved",
    })
    void badAttributesAreRefused(String protocol, String key, String value, String phrase) {
        assertThatThrownBy(() -> TargetGroupAttributes.apply(
                        protocol, TargetGroupAttributes.defaults(protocol), Map.of(key, value)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(phrase);
    }

    @Test
    void attributesKeepEveryKeyAndApplyChanges() {
        Map<String, String> changed = TargetGroupAttributes.apply(
                "HTTP",
                TargetGroupAttributes.defaults("HTTP"),
                Map.of("slow_start.duration_seconds", "30", "deregistration_delay.timeout_seconds", "0"));
        assertThat(changed)
                .containsEntry("slow_start.duration_seconds", "30")
                .containsEntry("deregistration_delay.timeout_seconds", "0")
                .containsEntry("load_balancing.algorithm.type", "round_robin")
                .hasSameSizeAs(TargetGroupAttributes.defaults("HTTP"));
        // a TCP group has no algorithm attributes (Terraform's first ModifyTargetGroupAttributes found this 500)
        assertThat(TargetGroupAttributes.apply(
                        "TCP",
                        TargetGroupAttributes.defaults("TCP"),
                        Map.of("deregistration_delay.timeout_seconds", "10", "proxy_protocol_v2.enabled", "false")))
                .containsEntry("deregistration_delay.timeout_seconds", "10");
    }

    private static RuleCondition cond(String field, String... values) {
        return new RuleCondition(
                field,
                List.of(values),
                field.equals(RuleCondition.HTTP_HEADER) ? Optional.of("X-Version") : Optional.empty(),
                List.of());
    }

    @Test
    void conditions() {
        assertThatCode(() -> ConditionRules.check(List.of(
                        cond("path-pattern", "/api/*"),
                        cond("host-header", "*.example.com"),
                        cond("http-header", "v2"),
                        cond("http-header", "x"),
                        new RuleCondition(
                                "query-string",
                                List.of(),
                                Optional.empty(),
                                List.of(new QueryStringPair(Optional.empty(), "debug"))))))
                .doesNotThrowAnyException();
        List<List<RuleCondition>> bad = List.of(
                List.of(),
                List.of(cond("path-pattern", "/a"), cond("path-pattern", "/b")),
                List.of(cond("path-pattern", "/a", "/b", "/c"), cond("host-header", "a", "b", "c")),
                List.of(cond("source-ip", "10.0.0.0")),
                List.of(cond("source-ip", "10.0.0.0/40")),
                List.of(cond("source-ip", "example.com/8")),
                List.of(cond("http-request-method", "get")),
                List.of(cond("host-header", "a b")),
                List.of(cond("path-pattern")));
        for (List<RuleCondition> c : bad) {
            assertThatThrownBy(() -> ConditionRules.check(c)).as("%s", c).isInstanceOf(ApiException.class);
        }
        assertThatCode(() -> ConditionRules.check(List.of(cond("source-ip", "10.0.0.0/8", "2001:db8::/32"))))
                .doesNotThrowAnyException();
    }

    private static TargetGroup group(String arn, String protocol) {
        return new TargetGroup(
                arn,
                arn,
                protocol,
                Optional.empty(),
                80,
                "vpc",
                "ip",
                "ipv4",
                HealthCheckRules.create(protocol, Optional.empty(), HealthCheckInput.none()),
                Map.of(),
                Instant.EPOCH);
    }

    private static void check(List<Action> actions, LoadBalancer lb, List<String> usedBy) {
        ActionRules.check(
                actions,
                lb,
                arn -> arn.startsWith("missing")
                        ? Optional.empty()
                        : Optional.of(group(arn, arn.startsWith("tcp") ? "TCP" : "HTTP")),
                arn -> usedBy);
    }

    private static Action fixed(String status, String type) {
        return new Action(
                Action.FIXED_RESPONSE,
                1,
                List.of(),
                Optional.empty(),
                Optional.of(new Action.FixedResponse(status, Optional.ofNullable(type), Optional.empty())),
                Optional.empty());
    }

    private static Action redirect(String protocol, String port, String path) {
        return new Action(
                Action.REDIRECT,
                1,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Action.Redirect(protocol, port, "#{host}", path, "#{query}", "HTTP_301")));
    }

    private static Action forward(int stickiness, String... groups) {
        return Action.forward(
                1,
                java.util.Arrays.stream(groups)
                        .map(g -> new WeightedTargetGroup(g, 1))
                        .toList(),
                stickiness == 0 ? Optional.empty() : Optional.of(stickiness));
    }

    @Test
    void actions() {
        assertThatCode(() -> check(List.of(forward(0, "a", "b")), ALB, List.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(List.of(forward(0, "a")), ALB, List.of(ALB.arn())))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(List.of(fixed("503", "text/plain")), ALB, List.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(List.of(redirect("HTTPS", "443", "/#{path}")), ALB, List.of()))
                .doesNotThrowAnyException();
        record Bad(List<Action> actions, LoadBalancer lb, List<String> usedBy, Object kind) {}
        List<Bad> bad = List.of(
                new Bad(List.of(), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(forward(0, "a"), fixed("200", null)), ALB, List.of(), LbError.TOO_MANY_ACTIONS),
                new Bad(List.of(forward(0, "a", "b", "c", "d", "e", "f")), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(forward(0, "a", "a")), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(forward(0, "missing")), ALB, List.of(), LbError.TARGET_GROUP_NOT_FOUND),
                new Bad(List.of(forward(0, "tcp")), ALB, List.of(), LbError.INCOMPATIBLE_PROTOCOLS),
                new Bad(List.of(forward(0, "a")), ALB, List.of("other"), LbError.TARGET_GROUP_ASSOCIATION_LIMIT),
                new Bad(List.of(forward(700_000, "a")), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(fixed("200", null)), NLB, List.of(), LbError.INVALID_LOAD_BALANCER_ACTION),
                new Bad(List.of(fixed("302", null)), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(fixed("200", "text/xml")), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(redirect("FTP", "#{port}", "/")), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(redirect("HTTP", "70000", "/")), ALB, List.of(), ErrorCode.INVALID_PARAMETER),
                new Bad(List.of(redirect("HTTP", "#{port}", "x")), ALB, List.of(), ErrorCode.INVALID_PARAMETER));
        for (Bad b : bad) {
            assertThatThrownBy(() -> check(b.actions(), b.lb(), b.usedBy()))
                    .as("%s", b)
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo(b.kind()));
        }
    }

    @Test
    void namesAndTargets() {
        assertThatCode(() -> LbNames.checkName("target group", "a-1")).doesNotThrowAnyException();
        for (String bad : List.of("", "-a", "a-", "a_b", "a".repeat(33))) {
            assertThatThrownBy(() -> LbNames.checkName("target group", bad))
                    .as(bad)
                    .isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> LbNames.checkIp("10.0.0.256"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(LbError.INVALID_TARGET));
        assertThatCode(() -> LbNames.checkIp("172.18.0.5")).doesNotThrowAnyException();
    }
}
