package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The ELBv2 API over the AWS Query protocol with real clients against a real server: the AWS CLI v2 (its waiters
 * included), boto3 with every response checked strictly against botocore's model ({@code elbv2/shape_check.py}),
 * and the AWS SDK for Java v2 with its modeled exceptions; and raw requests no typed client can send.
 */
class Elbv2IT {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestGantry g;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
    }

    private static ElasticLoadBalancingV2Client sdk() {
        return ElasticLoadBalancingV2Client.builder()
                .endpointOverride(URI.create(g.server.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(TestGantry.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY);
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_PAGER", "");
        pb.environment().remove("AWS_PROFILE");
        pb.environment().remove("AWS_SESSION_TOKEN");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s exit code; output: %s", command, out).isZero();
        return out.trim();
    }

    private static JsonNode cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", g.server.endpoint(), "elbv2"));
        command.addAll(List.of(args));
        command.addAll(List.of("--output", "json"));
        String out = run(command);
        return out.isEmpty() ? JSON.createObjectNode() : JSON.readTree(out);
    }

    @Test
    void awsCliV2CreatesALoadBalancerWithAWeightedListenerAndItsWaitersWork() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS), "AWS CLI v2 not at /usr/bin/aws");
        String lb = cli(
                        "create-load-balancer",
                        "--name",
                        "cli-web",
                        "--scheme",
                        "internal",
                        "--subnets",
                        "subnet-1",
                        "subnet-2",
                        "--tags",
                        "Key=app,Value=web")
                .at("/LoadBalancers/0/LoadBalancerArn")
                .asText();
        assertThat(lb).matches("arn:aws:elasticloadbalancing:us-east-1:\\d{12}:loadbalancer/app/cli-web/[0-9a-f]{16}");
        cli("wait", "load-balancer-available", "--load-balancer-arns", lb);
        String blue = cli(
                        "create-target-group",
                        "--name",
                        "cli-blue",
                        "--protocol",
                        "HTTP",
                        "--port",
                        "8080",
                        "--target-type",
                        "ip",
                        "--vpc-id",
                        "vpc-1",
                        "--health-check-path",
                        "/health")
                .at("/TargetGroups/0/TargetGroupArn")
                .asText();
        String green = cli(
                        "create-target-group",
                        "--name",
                        "cli-green",
                        "--protocol",
                        "HTTP",
                        "--port",
                        "8080",
                        "--target-type",
                        "ip")
                .at("/TargetGroups/0/TargetGroupArn")
                .asText();
        JsonNode listener = cli(
                "create-listener",
                "--load-balancer-arn",
                lb,
                "--protocol",
                "HTTP",
                "--port",
                "38080",
                "--default-actions",
                "[{\"Type\":\"forward\",\"ForwardConfig\":{\"TargetGroups\":[{\"TargetGroupArn\":\"" + blue
                        + "\",\"Weight\":90},{\"TargetGroupArn\":\"" + green + "\",\"Weight\":10}]}}]");
        JsonNode groups = listener.at("/Listeners/0/DefaultActions/0/ForwardConfig/TargetGroups");
        assertThat(groups.findValuesAsText("Weight")).containsExactly("90", "10");
        assertThat(cli("describe-target-groups", "--names", "cli-blue")
                        .at("/TargetGroups/0/LoadBalancerArns/0")
                        .asText())
                .isEqualTo(lb);

        cli(
                "modify-target-group-attributes",
                "--target-group-arn",
                blue,
                "--attributes",
                "Key=deregistration_delay.timeout_seconds,Value=0");
        cli("register-targets", "--target-group-arn", blue, "--targets", "Id=10.0.5.1", "Id=10.0.5.2,Port=9090");
        JsonNode health = cli("describe-target-health", "--target-group-arn", blue);
        assertThat(health.at("/TargetHealthDescriptions/1/Target/Port").asInt()).isEqualTo(9090);
        assertThat(health.findValuesAsText("State")).containsOnly("initial");
        assertThat(health.findValuesAsText("Reason")).containsOnly("Elb.RegistrationInProgress");

        cli("deregister-targets", "--target-group-arn", blue, "--targets", "Id=10.0.5.1");
        // a deregistration delay of 0: gone at the next drain sweep, which the CLI's waiter sees as unused
        cli("wait", "target-deregistered", "--target-group-arn", blue, "--targets", "Id=10.0.5.1");
        assertThat(cli("describe-target-health", "--target-group-arn", blue).findValuesAsText("Id"))
                .containsExactly("10.0.5.2");

        String listenerArn = listener.at("/Listeners/0/ListenerArn").asText();
        cli(
                "create-rule",
                "--listener-arn",
                listenerArn,
                "--priority",
                "5",
                "--conditions",
                "Field=path-pattern,Values=/api/*",
                "--actions",
                "Type=forward,TargetGroupArn=" + green);
        JsonNode rules = cli("describe-rules", "--listener-arn", listenerArn);
        assertThat(rules.findValuesAsText("Priority")).containsExactly("5", "default");
        cli("delete-load-balancer", "--load-balancer-arn", lb);
        cli("wait", "load-balancers-deleted", "--load-balancer-arns", lb);
        cli("delete-target-group", "--target-group-arn", blue);
        cli("delete-target-group", "--target-group-arn", green);
    }

    @Test
    void boto3ResponsesMatchBotocoresModelStrictlyAndErrorsAreModeled() throws Exception {
        Path script =
                Path.of("src", "test", "resources", "elbv2", "shape_check.py").toAbsolutePath();
        String out = run(List.of("python3", script.toString(), g.server.endpoint()));
        assertThat(out).endsWith("ALL OK").doesNotContain("PROBLEM");
    }

    @Test
    void javaSdkV2RoundTripAndModeledExceptions() {
        try (ElasticLoadBalancingV2Client elb = sdk()) {
            LoadBalancer lb = elb.createLoadBalancer(b -> b.name("sdk-web").scheme(LoadBalancerSchemeEnum.INTERNAL))
                    .loadBalancers()
                    .getFirst();
            assertThat(lb.dnsName()).startsWith("internal-sdk-web-").endsWith(".us-east-1.elb.localhost");
            assertThat(lb.createdTime()).isNotNull();
            TargetGroup tg = elb.createTargetGroup(b -> b.name("sdk-tg")
                            .protocol(ProtocolEnum.HTTP)
                            .port(80)
                            .targetType(TargetTypeEnum.IP)
                            .healthCheckIntervalSeconds(5)
                            .healthCheckTimeoutSeconds(2))
                    .targetGroups()
                    .getFirst();
            assertThat(tg.healthCheckIntervalSeconds()).isEqualTo(5);
            assertThat(tg.matcher().httpCode()).isEqualTo("200");
            Action forward = Action.builder()
                    .type(ActionTypeEnum.FORWARD)
                    .forwardConfig(ForwardActionConfig.builder()
                            .targetGroups(TargetGroupTuple.builder()
                                    .targetGroupArn(tg.targetGroupArn())
                                    .weight(1)
                                    .build())
                            .build())
                    .build();
            Listener listener = elb.createListener(b -> b.loadBalancerArn(lb.loadBalancerArn())
                            .protocol(ProtocolEnum.HTTP)
                            .port(38090)
                            .defaultActions(forward))
                    .listeners()
                    .getFirst();
            assertThat(listener.defaultActions().getFirst().targetGroupArn()).isEqualTo(tg.targetGroupArn());
            elb.registerTargets(b -> b.targetGroupArn(tg.targetGroupArn())
                    .targets(TargetDescription.builder().id("10.0.6.1").build()));
            TargetHealthDescription d = elb.describeTargetHealth(b -> b.targetGroupArn(tg.targetGroupArn()))
                    .targetHealthDescriptions()
                    .getFirst();
            assertThat(d.target().port()).isEqualTo(80);
            assertThat(d.targetHealth().state()).isEqualTo(TargetHealthStateEnum.INITIAL);

            assertThatThrownBy(() -> elb.describeTargetGroups(b -> b.names("sdk-none")))
                    .isInstanceOfSatisfying(TargetGroupNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("sdk-none");
                    });
            assertThatThrownBy(() -> elb.createListener(b -> b.loadBalancerArn(lb.loadBalancerArn())
                            .protocol(ProtocolEnum.HTTP)
                            .port(38090)
                            .defaultActions(Action.builder()
                                    .type(ActionTypeEnum.FIXED_RESPONSE)
                                    .fixedResponseConfig(c -> c.statusCode("200"))
                                    .build())))
                    .isInstanceOf(DuplicateListenerException.class);
            assertThatThrownBy(() -> elb.createTargetGroup(b -> b.name("sdk-https")
                            .protocol(ProtocolEnum.HTTP)
                            .port(80)
                            .targetType(TargetTypeEnum.INSTANCE)))
                    .isInstanceOfSatisfying(ElasticLoadBalancingV2Exception.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("TargetType ip");
                    });
            elb.deleteLoadBalancer(b -> b.loadBalancerArn(lb.loadBalancerArn()));
            elb.deleteTargetGroup(b -> b.targetGroupArn(tg.targetGroupArn()));
        }
    }

    @Test
    void badlyTypedQueryParametersAreValidationErrorsNamingEachOne() throws Exception {
        HttpResponse<String> r = query("Action=CreateTargetGroup&Version=2015-12-01&Name=raw&Protocol=HTTP&Port=eighty"
                + "&TargetType=ip&HealthCheckIntervalSeconds=3&HealthCheckEnabled=maybe");
        assertThat(r.statusCode()).isEqualTo(400);
        Document doc = xml(r);
        assertThat(at(doc, "/ErrorResponse/Error/Type")).isEqualTo("Sender");
        assertThat(at(doc, "/ErrorResponse/Error/Code")).isEqualTo("ValidationError");
        assertThat(at(doc, "/ErrorResponse/Error/Message"))
                .startsWith("3 validation errors detected")
                .contains("Value 'eighty' at 'Port'", "'HealthCheckIntervalSeconds'", "'HealthCheckEnabled'");
        assertThat(at(doc, "/ErrorResponse/RequestId")).isNotBlank();

        HttpResponse<String> missing =
                query("Action=RegisterTargets&Version=2015-12-01&TargetGroupArn=x" + "&Targets.member.1.Port=80");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(at(xml(missing), "/ErrorResponse/Error/Message")).contains("'Targets.member.1.Id'");

        HttpResponse<String> unknown = query("Action=DescribeSSLPolicies&Version=2015-12-01");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(at(xml(unknown), "/ErrorResponse/Error/Code")).isEqualTo("InvalidAction");
        assertThat(at(xml(unknown), "/ErrorResponse/Error/Message")).contains("docs/compat/elbv2.md");
    }

    @Test
    void anEmptyResultIsStillAResultElement() throws Exception {
        HttpResponse<String> r = query("Action=DeleteLoadBalancer&Version=2015-12-01&LoadBalancerArn=arn:aws:"
                + "elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/gone/0000000000000000");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(at(xml(r), "count(/DeleteLoadBalancerResponse/DeleteLoadBalancerResult)"))
                .isEqualTo("1");
    }

    private static HttpResponse<String> query(String form) throws Exception {
        return SignedHttp.post(
                g.server.endpoint(),
                "elasticloadbalancing",
                TestGantry.SECRET_KEY,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                form);
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
        var factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String at(Document doc, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
    }
}
