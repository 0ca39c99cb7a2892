package dev.gantry.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A raw {@code POST /} signed by the AWS SDK's own SigV4 signer: for bodies no typed client would send (a number
 * where the model says string) and for checking the wire form of answers.
 */
final class SignedHttp {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SignedHttp() {}

    static HttpResponse<String> post(
            String endpoint, String service, String secret, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(endpoint + "/"));
        headers.forEach(unsigned::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(TestGantry.ACCESS_KEY, secret))
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
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
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An ECS JSON 1.1 call, signed with the test admin key. */
    static HttpResponse<String> ecs(String endpoint, String operation, String json)
            throws IOException, InterruptedException {
        return post(
                endpoint,
                "ecs",
                TestGantry.SECRET_KEY,
                Map.of(
                        "Content-Type",
                        "application/x-amz-json-1.1",
                        "X-Amz-Target",
                        "AmazonEC2ContainerServiceV20141113." + operation),
                json);
    }
}
