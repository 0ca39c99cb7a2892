package dev.gantry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Cloud Map (AWS JSON 1.1) calls signed by the SDK's SigV4 signer, for the benchmarks: the SDK's servicediscovery
 * client is not among the build's dependencies, and a raw call sent to the API's own endpoint also has no
 * {@code data-} host prefix to dodge for DiscoverInstances.
 */
final class CloudMapCalls {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String endpoint;

    CloudMapCalls(String endpoint) {
        this.endpoint = endpoint;
    }

    JsonNode call(String operation, String json) throws IOException, InterruptedException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(endpoint + "/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "Route53AutoNaming_v20170314." + operation)
                .build();
        var credentials = BenchGantry.credentials().resolveCredentials();
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(
                                AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "servicediscovery")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(operation + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Creates a private DNS namespace and waits for its operation; returns its id. */
    String privateNamespace(String name) throws IOException, InterruptedException {
        String op = call("CreatePrivateDnsNamespace", "{\"Name\":\"" + name + "\",\"Vpc\":\"vpc-gantry\"}")
                .path("OperationId")
                .asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode o =
                    call("GetOperation", "{\"OperationId\":\"" + op + "\"}").path("Operation");
            if (o.path("Status").asText().equals("SUCCESS")) {
                return o.path("Targets").path("NAMESPACE").asText();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("namespace " + name + " was not created within 60 s");
    }

    /** Creates a service with an A record (TTL 10) and a custom health check; returns its ARN. */
    String service(String namespaceId, String name) throws IOException, InterruptedException {
        return call(
                        "CreateService",
                        "{\"Name\":\"" + name + "\",\"NamespaceId\":\"" + namespaceId + "\",\"DnsConfig\":{"
                                + "\"RoutingPolicy\":\"MULTIVALUE\",\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]},"
                                + "\"HealthCheckCustomConfig\":{\"FailureThreshold\":1}}")
                .path("Service")
                .path("Arn")
                .asText();
    }

    /** DiscoverInstances (HEALTHY): the instances' AWS_INSTANCE_IPV4. */
    Set<String> discover(String namespace, String service) throws IOException, InterruptedException {
        Set<String> ips = new TreeSet<>();
        JsonNode r = call(
                "DiscoverInstances",
                "{\"NamespaceName\":\"" + namespace + "\",\"ServiceName\":\"" + service
                        + "\",\"HealthStatus\":\"HEALTHY\"}");
        r.path("Instances")
                .forEach(i ->
                        ips.add(i.path("Attributes").path("AWS_INSTANCE_IPV4").asText()));
        return ips;
    }
}
