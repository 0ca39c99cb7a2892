package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code gantry lb} through the real ELBv2 client (AWS Query protocol: form-encoded requests, XML replies) against a
 * scripted endpoint: the calls it makes per load balancer, paging, and an ELBv2 error shown as code and message.
 */
class LbCommandTest {
    private static final String NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final String ARN = "arn:aws:elasticloadbalancing:us-east-1:000000000000:";
    private static final String LB = ARN + "loadbalancer/app/web/1";
    private static final String LISTENER = ARN + "listener/app/web/1/80";
    private static final String TG = ARN + "targetgroup/web-blue/01";

    private static String response(String action, String result) {
        return "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static StubAws.Reply reply(StubAws.Request r) {
        return switch (r.action()) {
            case "DescribeLoadBalancers" -> {
                if ("nope".equals(r.form().get("Names.member.1"))) {
                    yield new StubAws.Reply(
                            400,
                            "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>LoadBalancerNotFound"
                                    + "</Code><Message>One or more load balancers not found</Message></Error>"
                                    + "<RequestId>r1</RequestId></ErrorResponse>");
                }
                yield StubAws.Reply.ok(response(
                        "DescribeLoadBalancers",
                        "<LoadBalancers><member><LoadBalancerArn>" + LB + "</LoadBalancerArn><LoadBalancerName>web"
                                + "</LoadBalancerName><Type>application</Type><Scheme>internal</Scheme><State><Code>"
                                + "active</Code></State></member></LoadBalancers>"));
            }
            case "DescribeListeners" ->
                StubAws.Reply.ok(response(
                        "DescribeListeners",
                        "<Listeners><member><ListenerArn>" + LISTENER + "</ListenerArn><LoadBalancerArn>" + LB
                                + "</LoadBalancerArn><Port>80</Port><Protocol>HTTP</Protocol><DefaultActions><member>"
                                + "<Type>forward</Type><TargetGroupArn>" + TG + "</TargetGroupArn></member>"
                                + "</DefaultActions></member></Listeners>"));
            case "DescribeRules" ->
                // two pages: the CLI must follow NextMarker
                StubAws.Reply.ok(
                        r.form().containsKey("Marker")
                                ? response(
                                        "DescribeRules",
                                        "<Rules><member><Priority>default</Priority><IsDefault>true</IsDefault>"
                                                + "<Conditions/><Actions><member><Type>forward</Type><TargetGroupArn>"
                                                + TG + "</TargetGroupArn></member></Actions></member></Rules>")
                                : response(
                                        "DescribeRules",
                                        "<Rules><member><Priority>10</Priority><IsDefault>false</IsDefault><Conditions>"
                                                + "<member><Field>path-pattern</Field><PathPatternConfig><Values>"
                                                + "<member>/api/*</member></Values></PathPatternConfig></member>"
                                                + "</Conditions><Actions><member><Type>fixed-response</Type>"
                                                + "<FixedResponseConfig><StatusCode>503</StatusCode>"
                                                + "</FixedResponseConfig></member></Actions></member></Rules>"
                                                + "<NextMarker>m2</NextMarker>"));
            case "DescribeTargetGroups" ->
                StubAws.Reply.ok(response(
                        "DescribeTargetGroups",
                        r.form().containsKey("LoadBalancerArn")
                                ? "<TargetGroups><member><TargetGroupArn>" + TG + "</TargetGroupArn><TargetGroupName>"
                                        + "web-blue</TargetGroupName><Protocol>HTTP</Protocol><Port>8080</Port>"
                                        + "<TargetType>ip</TargetType><HealthCheckProtocol>HTTP</HealthCheckProtocol>"
                                        + "<HealthCheckPath>/</HealthCheckPath><HealthCheckIntervalSeconds>5"
                                        + "</HealthCheckIntervalSeconds><HealthCheckTimeoutSeconds>2"
                                        + "</HealthCheckTimeoutSeconds><HealthyThresholdCount>2</HealthyThresholdCount>"
                                        + "<UnhealthyThresholdCount>2</UnhealthyThresholdCount><LoadBalancerArns>"
                                        + "<member>" + LB + "</member></LoadBalancerArns></member></TargetGroups>"
                                : "<TargetGroups/>"));
            case "DescribeTargetHealth" ->
                StubAws.Reply.ok(response(
                        "DescribeTargetHealth",
                        "<TargetHealthDescriptions><member><Target><Id>172.18.0.5</Id><Port>8080</Port></Target>"
                                + "<TargetHealth><State>initial</State><Reason>Elb.InitialHealthChecking</Reason>"
                                + "<Description>Initial health checks in progress</Description></TargetHealth>"
                                + "</member></TargetHealthDescriptions>"));
            default -> new StubAws.Reply(400, "unexpected " + r.action());
        };
    }

    @Test
    void showsEachLoadBalancersListenersRulesGroupsAndHealth() {
        try (StubAws elb = new StubAws(LbCommandTest::reply)) {
            StubAws.Run run = elb.run(new LbCommand());

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isZero();
            assertThat(elb.actions())
                    .containsExactly(
                            "DescribeLoadBalancers",
                            "DescribeListeners",
                            "DescribeRules",
                            "DescribeRules",
                            "DescribeTargetGroups",
                            "DescribeTargetHealth",
                            "DescribeTargetGroups");
            assertThat(elb.requests().get(2).form()).containsEntry("ListenerArn", LISTENER);
            assertThat(elb.requests().get(5).form()).containsEntry("TargetGroupArn", TG);
            assertThat(run.out().lines().map(String::stripTrailing).toList())
                    .containsSequence(
                            "    HTTP:80",
                            "      PRIORITY   CONDITIONS            ACTIONS",
                            "      10         path-pattern /api/*   fixed-response 503",
                            "      default    -                     forward web-blue")
                    .containsSequence(
                            "      TARGET            STATE     REASON                      DESCRIPTION",
                            "      172.18.0.5:8080   initial   Elb.InitialHealthChecking   Initial health checks in"
                                    + " progress");
        }
    }

    @Test
    void anUnknownNameIsTheServersErrorCodeAndMessage() {
        try (StubAws elb = new StubAws(LbCommandTest::reply)) {
            StubAws.Run run = elb.run(new LbCommand(), "nope");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .isEqualTo("error: LoadBalancerNotFound: One or more load balancers not found"
                            + System.lineSeparator());
            assertThat(run.out()).isEmpty();
            assertThat(elb.actions()).isEqualTo(List.of("DescribeLoadBalancers"));
        }
    }
}
