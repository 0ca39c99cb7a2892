package dev.gantry.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/** The clients a load-balancer test uses: the SDK's ELBv2 client, the AWS CLI v2, and plain HTTP to a listener. */
final class LbClients {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LbClients() {}

    static ElasticLoadBalancingV2Client elbv2(String endpoint) {
        return ElasticLoadBalancingV2Client.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(TestGantry.credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Runs the AWS CLI v2 against {@code endpoint}; returns exit code and output (stdout and stderr). */
    record CliResult(int exit, String out) {}

    static CliResult aws(String endpoint, String... args) throws IOException, InterruptedException {
        Process p = new AwsCli(endpoint).process(args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
        }
        return new CliResult(p.exitValue(), out.trim());
    }

    static boolean cliInstalled() {
        return AwsCli.installed();
    }

    /**
     * An HTTP target group of type ip on port 8080, checked on /index.html every 5 s (timeout 2 s, 2 checks either
     * way), with the given deregistration delay: the group the service tests put their httpd tasks behind.
     */
    static String httpTargetGroup(ElasticLoadBalancingV2Client elb, String name, int deregistrationDelaySeconds) {
        String arn = elb.createTargetGroup(b -> b.name(name)
                        .protocol(ProtocolEnum.HTTP)
                        .port(8080)
                        .vpcId("vpc-12345")
                        .targetType(TargetTypeEnum.IP)
                        .healthCheckPath("/index.html")
                        .healthCheckIntervalSeconds(5)
                        .healthCheckTimeoutSeconds(2)
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(2))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(arn)
                .attributes(TargetGroupAttribute.builder()
                        .key("deregistration_delay.timeout_seconds")
                        .value(Integer.toString(deregistrationDelaySeconds))
                        .build()));
        return arn;
    }

    /** GET through a listener on loopback: status and body; an I/O failure is status -1 with the error. */
    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a GET, or a marker saying why there is none (for waits). */
    static String bodyOrError(int port, String path) {
        try {
            HttpResponse<String> r = get(port, path);
            return r.statusCode() + " " + r.body().trim();
        } catch (IOException e) {
            return "error " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
