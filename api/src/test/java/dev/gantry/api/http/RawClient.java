package dev.gantry.api.http;

import dev.gantry.api.auth.Principal;
import dev.gantry.api.auth.SdkSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.SdkHttpRequest;

/** java.net.http requests against a test server, optionally signed by the AWS SDK's SigV4 signer. */
final class RawClient {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    RawClient(int port) {
        this.port = port;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> signedPost(Principal principal, String service, String target, byte[] body) {
        var spec = SdkSigning.Spec.post(
                        uri("/"), target, body, principal.accessKeyId(), principal.secretAccessKey(), Instant.now())
                .withService(service);
        SdkHttpRequest signed = SdkSigning.sign(spec);
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return send(builder.build());
    }

    HttpResponse<String> unsignedPost(String target, String body) {
        return send(HttpRequest.newBuilder(uri("/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> send(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        return send(builder.build());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
