package dev.gantry.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/** The clients a load-balancer test uses: the SDK's ELBv2 client, the AWS CLI v2, and plain HTTP to a listener. */
final class LbClients {
    static final Path AWS = Path.of("/usr/bin/aws");
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
        List<String> cmd = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", endpoint));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", TestGantry.ACCESS_KEY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", TestGantry.SECRET_KEY);
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_PAGER", "");
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish");
        }
        return new CliResult(p.exitValue(), out.trim());
    }

    static boolean cliInstalled() {
        return Files.isExecutable(AWS);
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
