package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionStatusCodeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthReasonEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

class LbViewTest {
    private static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:000000000000:";
    private static final String BLUE = ARN + "targetgroup/web-blue/01";
    private static final String GREEN = ARN + "targetgroup/web-green/02";

    private static TargetGroup group(String arn, String name) {
        return TargetGroup.builder()
                .targetGroupArn(arn)
                .targetGroupName(name)
                .protocol(ProtocolEnum.HTTP)
                .port(8080)
                .targetType(TargetTypeEnum.IP)
                .healthCheckProtocol(ProtocolEnum.HTTP)
                .healthCheckPath("/health")
                .healthCheckPort("traffic-port")
                .healthCheckIntervalSeconds(5)
                .healthCheckTimeoutSeconds(2)
                .healthyThresholdCount(2)
                .unhealthyThresholdCount(3)
                .matcher(m -> m.httpCode("200-299"))
                .build();
    }

    private static TargetHealthDescription target(
            String ip, TargetHealthStateEnum state, TargetHealthReasonEnum reason, String description) {
        return TargetHealthDescription.builder()
                .target(t -> t.id(ip).port(8080))
                .targetHealth(h -> h.state(state).reason(reason).description(description))
                .build();
    }

    private static Action forward(String arn) {
        return Action.builder()
                .type(ActionTypeEnum.FORWARD)
                .targetGroupArn(arn)
                .order(1)
                .build();
    }

    private static final Action WEIGHTED = Action.builder()
            .type(ActionTypeEnum.FORWARD)
            .forwardConfig(f -> f.targetGroups(
                    TargetGroupTuple.builder().targetGroupArn(BLUE).weight(80).build(),
                    TargetGroupTuple.builder().targetGroupArn(GREEN).weight(20).build()))
            .build();

    private static LbView.Snapshot alb() {
        Listener http = Listener.builder()
                .listenerArn(ARN + "listener/app/web/1/80")
                .protocol(ProtocolEnum.HTTP)
                .port(80)
                .defaultActions(forward(BLUE))
                .build();
        Rule api = Rule.builder()
                .priority("10")
                .isDefault(false)
                .conditions(RuleCondition.builder()
                        .field("path-pattern")
                        .pathPatternConfig(p -> p.values("/api/*", "/v2/*"))
                        .build())
                .actions(WEIGHTED)
                .build();
        Rule canary = Rule.builder()
                .priority("5")
                .isDefault(false)
                .conditions(
                        RuleCondition.builder()
                                .field("host-header")
                                .hostHeaderConfig(h -> h.values("test.example.com"))
                                .build(),
                        RuleCondition.builder()
                                .field("http-header")
                                .httpHeaderConfig(
                                        h -> h.httpHeaderName("X-Canary").values("1", "yes"))
                                .build())
                .actions(forward(GREEN))
                .build();
        Rule dflt = Rule.builder()
                .priority("default")
                .isDefault(true)
                .actions(forward(BLUE))
                .build();
        LoadBalancer lb = LoadBalancer.builder()
                .loadBalancerName("web")
                .loadBalancerArn(ARN + "loadbalancer/app/web/1")
                .type(LoadBalancerTypeEnum.APPLICATION)
                .scheme(LoadBalancerSchemeEnum.INTERNAL)
                .state(s -> s.code(LoadBalancerStateEnum.ACTIVE))
                .dnsName("web-1.elb.gantry.localhost")
                .build();
        return new LbView.Snapshot(
                lb,
                List.of(new LbView.ListenerRules(http, List.of(dflt, api, canary))),
                List.of(
                        new LbView.GroupHealth(
                                group(GREEN, "web-green"),
                                List.of(target(
                                        "172.18.0.7",
                                        TargetHealthStateEnum.DRAINING,
                                        TargetHealthReasonEnum.TARGET_DEREGISTRATION_IN_PROGRESS,
                                        "Target deregistration is in progress"))),
                        new LbView.GroupHealth(
                                group(BLUE, "web-blue"),
                                List.of(
                                        target("172.18.0.5", TargetHealthStateEnum.HEALTHY, null, null),
                                        target(
                                                "172.18.0.6",
                                                TargetHealthStateEnum.UNHEALTHY,
                                                TargetHealthReasonEnum.TARGET_RESPONSE_CODE_MISMATCH,
                                                "Health checks failed with these codes: [500]")))));
    }

    @Test
    void rendersListenersRulesAndTargetHealth() {
        assertThat(LbView.render(alb())).isEqualTo("""
                        web (application, internal, active)
                          DNS: web-1.elb.gantry.localhost
                          ARN: arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/1
                          Listeners:
                            HTTP:80
                              PRIORITY   CONDITIONS                                                     ACTIONS
                              5          host-header test.example.com and http-header X-Canary=1, yes   forward web-green
                              10         path-pattern /api/*, /v2/*                                     forward web-blue 80 (80%), web-green 20 (20%)
                              default    -                                                              forward web-blue
                          Target groups:
                            web-blue  HTTP:8080  target type ip  health HTTP /health every 5s, timeout 2s, healthy 2 / unhealthy 3, codes 200-299
                              TARGET            STATE       REASON                        DESCRIPTION
                              172.18.0.5:8080   healthy     -                             -
                              172.18.0.6:8080   unhealthy   Target.ResponseCodeMismatch   Health checks failed with these codes: [500]
                            web-green  HTTP:8080  target type ip  health HTTP /health every 5s, timeout 2s, healthy 2 / unhealthy 3, codes 200-299
                              TARGET            STATE      REASON                            DESCRIPTION
                              172.18.0.7:8080   draining   Target.DeregistrationInProgress   Target deregistration is in progress
                        """);
    }

    @Test
    void aListenerWithoutRulesShowsItsDefaultActionAndAGroupWithoutTargetsSaysSo() {
        Listener tcp = Listener.builder()
                .protocol(ProtocolEnum.TCP)
                .port(5432)
                .defaultActions(forward(ARN + "targetgroup/pg/03"))
                .build();
        LbView.Snapshot nlb = new LbView.Snapshot(
                LoadBalancer.builder()
                        .loadBalancerName("db")
                        .type(LoadBalancerTypeEnum.NETWORK)
                        .scheme(LoadBalancerSchemeEnum.INTERNAL)
                        .build(),
                List.of(new LbView.ListenerRules(tcp, List.of())),
                List.of(new LbView.GroupHealth(
                        group(ARN + "targetgroup/pg/03", "pg").toBuilder()
                                .protocol(ProtocolEnum.TCP)
                                .port(5432)
                                .healthCheckProtocol(ProtocolEnum.TCP)
                                .healthCheckPath(null)
                                .matcher((software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher) null)
                                .build(),
                        List.of())));
        assertThat(LbView.render(nlb)).isEqualTo("""
                        db (network, internal, -)
                          ARN: -
                          Listeners:
                            TCP:5432
                              PRIORITY   CONDITIONS   ACTIONS
                              default    -            forward pg
                          Target groups:
                            pg  TCP:5432  target type ip  health TCP every 5s, timeout 2s, healthy 2 / unhealthy 3
                              no targets registered
                        """);
    }

    @Test
    void actionsAndConditionsInOneLine() {
        Function<String, String> names = LbView.names(List.of());
        assertThat(LbRules.action(WEIGHTED, names)).isEqualTo("forward web-blue 80 (80%), web-green 20 (20%)");
        assertThat(LbRules.action(
                        Action.builder()
                                .type(ActionTypeEnum.FIXED_RESPONSE)
                                .fixedResponseConfig(f -> f.statusCode("503")
                                        .contentType("text/plain")
                                        .messageBody("down for maintenance, back at 14:00 UTC"))
                                .build(),
                        names))
                .isEqualTo("fixed-response 503 text/plain \"down for maintenance, back at…\"");
        assertThat(LbRules.action(
                        Action.builder()
                                .type(ActionTypeEnum.REDIRECT)
                                .redirectConfig(r -> r.protocol("HTTPS")
                                        .port("443")
                                        .statusCode(RedirectActionStatusCodeEnum.HTTP_301))
                                .build(),
                        names))
                .isEqualTo("redirect 301 to HTTPS://#{host}:443/#{path}?#{query}");
        assertThat(LbRules.condition(RuleCondition.builder()
                        .field("query-string")
                        .queryStringConfig(q -> q.values(v -> v.key("version").value("2"), v -> v.value("beta")))
                        .build()))
                .isEqualTo("query-string version=2, beta");
        assertThat(LbRules.condition(RuleCondition.builder()
                        .field("http-request-method")
                        .httpRequestMethodConfig(m -> m.values("GET", "HEAD"))
                        .build()))
                .isEqualTo("http-request-method GET, HEAD");
        assertThat(LbRules.condition(RuleCondition.builder()
                        .field("source-ip")
                        .sourceIpConfig(s -> s.values("10.0.0.0/8"))
                        .build()))
                .isEqualTo("source-ip 10.0.0.0/8");
        assertThat(LbRules.condition(RuleCondition.builder()
                        .field("path-pattern")
                        .values("/legacy/*")
                        .build()))
                .as("the legacy Field/Values form")
                .isEqualTo("path-pattern /legacy/*");
        assertThat(LbView.nameInArn(BLUE)).isEqualTo("web-blue");
        assertThat(LbView.nameInArn("tg-by-other-id")).isEqualTo("tg-by-other-id");
    }
}
